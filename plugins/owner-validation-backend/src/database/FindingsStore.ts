import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CheckRun as RecordedRun,
  FindingsSummary,
  OwnerFinding,
  OwnerFindingSeverity,
  OwnerFindingType,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';

/** What started a check run. */
export type RunTrigger = NonNullable<RecordedRun['trigger']>;

/** A check run as recorded: the `CheckRun` of the HTTP contract. */
export type { RecordedRun };

/** The outcome of one check run, to record. */
export interface CheckRun {
  /** The run started with {@link FindingsStore.startRun}; without it a finished run is inserted. */
  runId?: number;
  findings: OwnerFinding[];
  /** Current group refs of every user in the catalog. */
  userTeams: Map<string, string[]>;
  entityCount: number;
  startedAt: Date;
  finishedAt: Date;
}

/** What a recorded run changed. */
export interface CheckRunResult {
  opened: number;
  resolved: number;
  open: number;
  /** Entities (lower-case refs) whose open findings were opened, changed or resolved. */
  changedRefs: string[];
}

/** A re-check of some entities (changed ones), to record. */
export interface EntitiesCheck {
  /** The entities checked (lower-case refs); their open findings not among `findings` are resolved. */
  entityRefs: string[];
  findings: OwnerFinding[];
  /** Current group refs of the users among the checked changes. */
  userTeams: Map<string, string[]>;
  at: Date;
}

/** What a re-check changed. */
export interface EntitiesCheckResult {
  opened: number;
  resolved: number;
  /** Entities whose open findings were opened, changed or resolved. */
  changedRefs: string[];
}

/** Filters of {@link FindingsStore.listFindings}. */
export interface FindingsFilter {
  types?: OwnerFindingType[];
  severities?: OwnerFindingSeverity[];
  /** Lower-case kinds. */
  kinds?: string[];
  /** A group ref; matches the last known team or the owner. */
  team?: string;
  status: 'open' | 'resolved' | 'all';
  limit: number;
  offset: number;
}

/** Storage of findings and their history. */
export interface FindingsStore {
  /**
   * Records a run as running and returns its id. Runs of replicas that stopped sending heartbeats
   * are marked abandoned first; throws `ConflictError` while another run is alive.
   */
  startRun(trigger: RunTrigger): Promise<number>;
  /** Tells other replicas the run is alive. */
  heartbeatRun(id: number): Promise<void>;
  failRun(id: number, error: Error): Promise<void>;
  /** Runs `fn` under a new run: heartbeats while it runs, marked failed when it throws. */
  runLeased<T>(
    trigger: RunTrigger,
    logger: LoggerService,
    fn: (runId: number) => Promise<T>,
  ): Promise<T>;
  /** Recorded runs, newest first. */
  listRuns(limit: number): Promise<RecordedRun[]>;
  /**
   * Opens new findings, refreshes ongoing ones, resolves those not reported any more and marks
   * the run succeeded, in one transaction.
   */
  recordRun(run: CheckRun): Promise<CheckRunResult>;
  /** Records the findings of the given entities only, leaving other entities' findings as they are. */
  recordEntities(check: EntitiesCheck): Promise<EntitiesCheckResult>;
  /** Groups each user belonged to when last seen. */
  getLastKnownTeams(): Promise<Map<string, string[]>>;
  /** Open findings of one entity (lower-case ref), newest first. */
  getEntityFindings(entityRef: string): Promise<StoredOwnerFinding[]>;
  listFindings(
    filter: FindingsFilter,
  ): Promise<{ items: StoredOwnerFinding[]; totalCount: number }>;
  getSummary(): Promise<FindingsSummary>;
  /** Open findings of the given severities nobody has been notified about. */
  getUnnotifiedFindings(
    severities: OwnerFindingSeverity[],
  ): Promise<StoredOwnerFinding[]>;
  markNotified(ids: number[], at: Date): Promise<void>;
}
