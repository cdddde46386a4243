import {
  InitiativeDefinition,
  InitiativeEntity,
  InitiativeProgress,
  InitiativeProgressPoint,
  InitiativeTeam,
} from '@internal/plugin-metadata-quality-common';

/** An initiative as stored. */
export interface StoredInitiative extends InitiativeDefinition {
  id: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Start of the last full evaluation that checked the current definition. */
  evaluatedAt?: Date;
}

/** An owner with the entities of theirs that fail an initiative. */
export interface FailingOwner {
  ownerRef: string;
  entities: Array<{ entityRef: string; title?: string; name: string }>;
}

/**
 * Storage of initiatives and of their progress. Progress is read from the initiative outcomes the
 * evaluator writes on each entity's score (`ScoreRow.initiatives`).
 */
export interface InitiativeStore {
  create(
    definition: InitiativeDefinition,
    createdBy: string,
    at: Date,
  ): Promise<StoredInitiative>;
  /** Replaces the definition; undefined for an unknown id. */
  update(
    id: number,
    definition: InitiativeDefinition,
    at: Date,
  ): Promise<StoredInitiative | undefined>;
  /** Deletes it with its history and notices; false for an unknown id. */
  delete(id: number): Promise<boolean>;
  get(id: number): Promise<StoredInitiative | undefined>;
  /** Every initiative, the nearest deadline first. */
  list(): Promise<StoredInitiative[]>;
  /** Targeted and passing entities now, by initiative id (absent: none targeted yet). */
  progress(): Promise<Map<number, InitiativeProgress>>;
  /** Progress per owner now, most failing entities first. */
  teams(id: number): Promise<InitiativeTeam[]>;
  /** A page of the entities failing it, by owner. */
  failing(
    id: number,
    page: { limit: number; offset: number },
  ): Promise<{ items: InitiativeEntity[]; totalItems: number }>;
  /** Daily progress, oldest first: of one owner, or of all together. */
  history(id: number, ownerRef?: string): Promise<InitiativeProgressPoint[]>;
  /**
   * After a full evaluation that started at `now` and checked `initiatives`: records today's
   * progress of those whose deadline is not past, and marks them evaluated unless changed since.
   */
  recordProgress(initiatives: StoredInitiative[], now: Date): Promise<void>;
  /** Owners of entities failing the initiative now, with those entities. */
  failingOwners(id: number): Promise<FailingOwner[]>;
  /** Owners already told about a milestone of the initiative. */
  notifiedOwners(id: number, milestone: string): Promise<Set<string>>;
  recordNotice(
    id: number,
    milestone: string,
    ownerRef: string,
    sentAt: Date,
  ): Promise<void>;
}
