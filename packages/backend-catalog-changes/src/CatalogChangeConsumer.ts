import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { CatalogChangesService, ClaimedChange } from './CatalogChanges';

/** What a handler did with a claimed batch: changes to look at again later (a stale read). */
export interface HandledChanges {
  retry?: ClaimedChange[];
}

/** Options of {@link CatalogChangeConsumer}. */
export interface CatalogChangeConsumerOptions {
  changes: CatalogChangesService;
  /** The consumer's name, e.g. the plugin id. */
  consumer: string;
  /** This process; claims are released only by their claimant. */
  claimant: string;
  logger: LoggerService;
  /** Handles one claimed batch; throwing releases the batch to be retried with a back-off. */
  handle(changes: ClaimedChange[]): Promise<HandledChanges | void>;
  /** Rows per claim (default 200). */
  batchSize?: number;
  /** Claim lease (default 2 minutes): longer than a batch takes. */
  leaseMs?: number;
  /**
   * Delay before a stale change is looked at again the first time (default 1 second); it doubles
   * with each claim of the change, up to `maxRetryDelayMs`.
   */
  retryDelayMs?: number;
  /** Longest delay before a stale change is looked at again (default 30 seconds). */
  maxRetryDelayMs?: number;
  /**
   * Longest time between two claims while listening (default 1 minute): a safety net only, as the
   * queue's notices and the next due change tell when to claim.
   */
  fallbackMs?: number;
}

/**
 * Drains one consumer's queue: claims a batch, hands it to `handle`, completes it; repeats while
 * batches are full. A process that dies mid-batch leaves its claims to expire and be taken by
 * another, so a change is handled at least once.
 *
 * Once listening (`register` listens), `drain` claims only when there may be something to claim:
 * the queue told of new changes, a delayed, retried or leased change fell due, or `fallbackMs`
 * passed. So an idle queue costs no query per call, and `drain` may be called often.
 */
export class CatalogChangeConsumer {
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly fallbackMs: number;
  private listening = false;
  private notified = true;
  private dueAt = 0;
  private claimedAt = 0;

  /**
   * Registers `options.consumer` with the queue (changes are kept for it from then on) and returns
   * its consumer in this process: the claimant is the consumer's name and a random id.
   */
  static async register(
    options: Omit<CatalogChangeConsumerOptions, 'claimant'>,
  ): Promise<CatalogChangeConsumer> {
    await options.changes.registerConsumer(options.consumer);
    const consumer = new CatalogChangeConsumer({
      ...options,
      claimant: `${options.consumer}-${randomUUID()}`,
    });
    consumer.listen();
    return consumer;
  }

  constructor(private readonly options: CatalogChangeConsumerOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.fallbackMs = options.fallbackMs ?? 60_000;
  }

  /**
   * From now on, claims only when the queue tells of new changes or a queued change falls due (see
   * the class). Returns a function that stops listening: `drain` then claims on every call.
   */
  listen(): () => void {
    const stop = this.options.changes.onQueued(() => {
      this.notified = true;
    });
    this.listening = true;
    return () => {
      this.listening = false;
      stop();
    };
  }

  private due(now: number): boolean {
    return (
      !this.listening ||
      this.notified ||
      now >= this.dueAt ||
      now - this.claimedAt >= this.fallbackMs
    );
  }

  /** Handles what is queued now; returns how many changes were completed. */
  async drain(): Promise<number> {
    const now = Date.now();
    if (!this.due(now)) return 0;
    // Cleared before claiming: a notice arriving meanwhile makes the next call claim again.
    this.notified = false;
    this.claimedAt = now;
    try {
      return await this.drainQueued();
    } finally {
      await this.learnNextDue();
    }
  }

  /** When the earliest change left in the queue may be claimed (a delayed or retried one). */
  private async learnNextDue(): Promise<void> {
    if (!this.listening) return;
    try {
      const inMs = await this.options.changes.nextAvailableInMs(
        this.options.consumer,
      );
      this.dueAt = inMs === undefined ? Infinity : Date.now() + inMs;
    } catch {
      this.dueAt = 0; // Unknown: the next call claims.
    }
  }

  /**
   * Stale changes by their delay: `retryDelayMs` after the first claim, doubling with each claim
   * up to `maxRetryDelayMs`, so a change the catalog takes minutes to serve costs a few claims.
   */
  private retryDelays(retry: ClaimedChange[]): Map<number, ClaimedChange[]> {
    const byDelay = new Map<number, ClaimedChange[]>();
    for (const change of retry) {
      const delayMs = Math.min(
        this.retryDelayMs * 2 ** Math.max(0, change.attempts - 1),
        this.maxRetryDelayMs,
      );
      const same = byDelay.get(delayMs);
      if (same) same.push(change);
      else byDelay.set(delayMs, [change]);
    }
    return byDelay;
  }

  private async drainQueued(): Promise<number> {
    const { changes, consumer, claimant, logger } = this.options;
    let completed = 0;
    for (;;) {
      const batch = await changes.claim(consumer, {
        claimant,
        limit: this.batchSize,
        leaseMs: this.leaseMs,
      });
      if (batch.length === 0) return completed;
      let retry: ClaimedChange[] = [];
      try {
        retry = (await this.options.handle(batch))?.retry ?? [];
      } catch (error) {
        const attempts = Math.max(...batch.map(c => c.attempts));
        const delayMs = Math.min(1000 * 2 ** attempts, 300_000);
        logger.warn(
          `Could not handle ${
            batch.length
          } catalog changes, retrying in ${Math.round(
            delayMs / 1000,
          )} s: ${error}`,
        );
        await changes.retry(claimant, batch, delayMs);
        return completed;
      }
      const retried = new Set(retry.map(c => c.id));
      const done = batch.filter(c => !retried.has(c.id));
      await changes.complete(claimant, done);
      for (const [delayMs, again] of this.retryDelays(retry)) {
        await changes.retry(claimant, again, delayMs);
      }
      completed += done.length;
      if (batch.length < this.batchSize) return completed;
    }
  }
}
