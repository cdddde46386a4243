import {
  EntityScore,
  EvaluatedRule,
  GroupSummary,
  HistoryPoint,
  InitiativeOutcomes,
  QualitySummary,
} from '@internal/plugin-metadata-quality-common';

/** One entity's score as written by the evaluator: the API's fields plus what scoring needs. */
export type ScoreRow = Omit<
  EntityScore,
  'failingRules' | 'evaluatedAt' | 'changedAt' | 'results'
> & {
  results: EvaluatedRule[];
  passedWeight: number;
  totalWeight: number;
  etag?: string;
  changedAt: Date;
  /** The initiatives that target the entity, with the ids of their rules it fails. */
  initiatives?: InitiativeOutcomes;
  /**
   * A hash of what the row says (`scoreRowOf`: the fields above with the fix plans the advice is
   * written from, the entity's etag, the rules as configured): equal hashes mean the stored row
   * already says this, so it is not written again. A row without one is always written.
   */
  contentHash?: string;
};

/** What is stored of an entity's last written score, to tell whether a new one changes it. */
export interface ScoreVersion {
  /** The entity's etag when its score was written. */
  etag?: string;
  /** When the entity last changed, as the score's freshness checks count it. */
  changedAt: Date;
  /** The hash of the stored row (`ScoreRow.contentHash`); none for rows written before it was kept. */
  contentHash?: string;
}

/** A catalog group and its parent. */
export interface GroupRow {
  groupRef: string;
  parentRef?: string;
  title?: string;
}

/** Filters, order and page of the entity list. */
export interface EntityListQuery {
  kind?: string;
  ownerRef?: string;
  /** A level name, or `none` for entities below every level. */
  level?: string;
  failingRule?: string;
  /** Only entities the initiative of this id targets. */
  initiative?: number;
  minScore?: number;
  maxScore?: number;
  orderBy: 'score' | 'name' | 'evaluatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Storage of scores, groups and history. */
export interface QualityStore {
  /** The stored etag, change time and content hash of entities, by ref. */
  getVersions(entityRefs?: string[]): Promise<Map<string, ScoreVersion>>;
  /** Writes scores and, for each, today's point of the entity history, in one transaction. */
  upsertScores(rows: ScoreRow[], now: Date): Promise<void>;
  /**
   * Removes the scores of entities a full run did not see (deleted entities): those not in `seen`
   * and not written since `before`, when the run started (a change scored meanwhile stays).
   */
  deleteUnseen(seen: ReadonlySet<string>, before: Date): Promise<number>;
  deleteEntities(entityRefs: string[]): Promise<number>;
  replaceGroups(groups: GroupRow[]): Promise<void>;
  /**
   * Recomputes each group's roll-up (itself and its child groups) and the overall summary after
   * scores changed; both are served as of the last call.
   */
  refreshSummaries(now?: Date): Promise<void>;
  /** Records today's group averages and drops history older than the retention. */
  recordGroupHistory(now: Date, retentionDays: number): Promise<void>;
  getEntity(entityRef: string): Promise<EntityScore | undefined>;
  listEntities(
    query: EntityListQuery,
  ): Promise<{ items: EntityScore[]; totalItems: number }>;
  /** The leaderboard; with an initiative id, over the entities it targets, with how many pass it. */
  groupSummaries(initiative?: number): Promise<GroupSummary[]>;
  /** The overall summary as of the last `refreshSummaries` (counted now before the first). */
  overallSummary(): Promise<QualitySummary>;
  entityHistory(entityRef: string, days: number): Promise<HistoryPoint[]>;
  groupHistory(groupRef: string, days: number): Promise<HistoryPoint[]>;
}
