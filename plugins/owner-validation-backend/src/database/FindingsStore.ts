import type {
  FindingsSummary,
  OwnerFinding,
  OwnerFindingSeverity,
  OwnerFindingType,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';

/** The outcome of one check run, to record. */
export interface CheckRun {
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
  /** Opens new findings, refreshes ongoing ones and resolves those not reported any more. */
  recordRun(run: CheckRun): Promise<CheckRunResult>;
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
