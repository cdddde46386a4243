/** Why an entity ref was queued; consumers read the entity's current state, so this is informational. */
export type CatalogChangeReason = 'created' | 'changed' | 'related' | 'deleted';

/** Whether one of the changes queued for a claimed ref had this reason. */
export function hasReason(change: ClaimedChange, reason: string): boolean {
  return change.reason.split(',').includes(reason);
}

/**
 * Whether a claimed ref was queued only because other entities name it (`related`): the entity
 * itself did not change.
 */
export function isOnlyRelated(change: ClaimedChange): boolean {
  return change.reason.split(',').every(reason => reason === 'related');
}

/** A change to queue: an entity ref (normalised to lower case) and why. */
export interface CatalogChange {
  entityRef: string;
  reason: CatalogChangeReason | string;
  /** {@link entityContentHash} of the processed entity, so a consumer can tell a stale read. */
  contentHash?: string;
  /** How long after now the change may be claimed (default at once). */
  delayMs?: number;
}

/** A change claimed by one consumer until its lease ends. */
export interface ClaimedChange extends CatalogChange {
  /** The reasons of every change queued for the ref since it was last handled, comma-separated. */
  reason: string;
  id: string;
  /** Identifies this enqueue of the ref; a newer enqueue keeps the row when the claim completes. */
  changeSeq: string;
  enqueuedAt: Date;
  /** How often the row was claimed, this claim included. */
  attempts: number;
}

/** Options of {@link CatalogChangesService.claim}. */
export interface ClaimOptions {
  /** Who claims (an id per process); only its own claims are released. */
  claimant: string;
  /** Most rows to claim. */
  limit: number;
  /** How long the claim lasts; a claimant that dies leaves the rows to others after it. */
  leaseMs: number;
}

/**
 * The queue of changed catalog entities, one row per consumer and entity ref: enqueues dedupe,
 * claims skip rows other claimants hold (`FOR UPDATE SKIP LOCKED`) and expire with their lease.
 */
export interface CatalogChangesService {
  /** Registers a consumer; changes are queued for registered consumers only. `created` on the first call. */
  registerConsumer(consumer: string): Promise<{ created: boolean }>;
  /**
   * Queues changes for every registered consumer, or the named ones; a queued ref is renewed, not
   * doubled. `seen` refs are remembered as {@link CatalogChangesService.recordSeen} does, in the
   * same transaction.
   */
  enqueue(
    changes: CatalogChange[],
    options?: { consumers?: string[]; seen?: string[] },
  ): Promise<void>;
  /**
   * Calls `listener` soon after changes are queued, by this process or any other sharing the queue,
   * and whenever such a notice may have been missed (a lost connection), so a consumer drains when
   * there is something to drain instead of polling. Returns a function that stops calling it.
   */
  onQueued(listener: () => void): () => void;
  /**
   * In how many milliseconds the consumer's earliest queued change may be claimed (0: now; a
   * delayed, retried or leased change later); undefined when nothing is queued for it.
   */
  nextAvailableInMs(consumer: string): Promise<number | undefined>;
  /**
   * A version of the entities of these kinds (lower-case, e.g. `user`, `group`): it changes whenever
   * a change of one of them (created, changed or deleted; not `related`) is queued, so a consumer
   * that keeps them in memory reads them again only when it changed. Queued before the catalog serves
   * the change: a copy read under a new version may still be the old one.
   */
  kindsVersion(kinds: string[]): Promise<string>;
  /** Claims up to `limit` available rows of one consumer, oldest first. */
  claim(consumer: string, options: ClaimOptions): Promise<ClaimedChange[]>;
  /**
   * Removes handled rows; a row enqueued again since the claim stays and is released at once, so the
   * newer change is handled too.
   */
  complete(claimant: string, changes: ClaimedChange[]): Promise<void>;
  /** Releases claimed rows to be claimed again after `delayMs` (a stale read, a failed batch). */
  retry(
    claimant: string,
    changes: ClaimedChange[],
    delayMs: number,
  ): Promise<void>;
  /** Remembers refs the processor has seen, to notice deletions by count. */
  recordSeen(entityRefs: string[]): Promise<void>;
  /** How many refs are remembered. */
  countSeen(): Promise<number>;
  /** Every remembered ref. */
  listSeen(): Promise<string[]>;
  /** Forgets refs (deleted from the catalog). */
  forget(entityRefs: string[]): Promise<void>;
}
