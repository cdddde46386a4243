import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import os from 'node:os';

/** A running run without a heartbeat for this long belongs to a replica that died. */
export const STALE_AFTER_SECONDS = 30;

/** How often a running run tells the other replicas it is alive. */
export const HEARTBEAT_MS = 5000;

/**
 * The lease of a full run across replicas, in a runs table with the columns `id`, `instance`,
 * `trigger`, `status` (running, succeeded, failed, abandoned), `started_at`, `heartbeat_at`,
 * `finished_at` and `error`, and a unique index on `status` where it is `running` (one run at a
 * time). Times come from the database clock, so replicas compare.
 */
export class DatabaseRunLease<Trigger extends string = string> {
  private readonly instance: string;

  constructor(
    private readonly options: {
      db: Knex;
      /** The runs table. */
      table: string;
      /** What runs, for messages: `An evaluation`, `An ownership check`. */
      what: string;
      /** `host:pid` by default. */
      instance?: string;
    },
  ) {
    this.instance = options.instance ?? `${os.hostname()}:${process.pid}`;
  }

  private now(db: Knex = this.options.db) {
    return db.raw('clock_timestamp()');
  }

  /**
   * Records a run as running and returns its id. Runs of replicas that stopped sending heartbeats
   * are marked abandoned first; throws `ConflictError` while another run is alive.
   */
  async start(trigger: Trigger): Promise<number> {
    const { db, table, what } = this.options;
    try {
      return await db.transaction(async tx => {
        await tx(table)
          .where('status', 'running')
          .where(
            'heartbeat_at',
            '<',
            tx.raw(
              `clock_timestamp() - interval '${STALE_AFTER_SECONDS} seconds'`,
            ),
          )
          .update({
            status: 'abandoned',
            finished_at: this.now(tx),
            error: `No heartbeat for ${STALE_AFTER_SECONDS} s: the replica running it stopped`,
          });
        const [row] = await tx(table)
          .insert({
            instance: this.instance,
            trigger,
            status: 'running',
            started_at: this.now(tx),
            heartbeat_at: this.now(tx),
          })
          .returning('id');
        return Number(row.id);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        const running = await db(table).where('status', 'running').first();
        throw new ConflictError(
          `${what} is already running on '${
            running?.instance ?? 'another replica'
          }'`,
        );
      }
      throw error;
    }
  }

  /** Tells other replicas the run is alive. */
  async heartbeat(id: number): Promise<void> {
    await this.options
      .db(this.options.table)
      .where({ id, status: 'running' })
      .update({ heartbeat_at: this.now() });
  }

  /**
   * Marks the run succeeded with its result columns, in `tx` when given (so the results and the
   * run are recorded together). Throws `ConflictError` when the run lost its lease (marked
   * abandoned meanwhile): a newer run owns the results, and the caller's transaction rolls back.
   */
  async finish(
    id: number,
    columns: Record<string, unknown>,
    tx?: Knex.Transaction,
  ): Promise<void> {
    const db = tx ?? this.options.db;
    const updated = await db(this.options.table)
      .where({ id, status: 'running' })
      .update({
        ...columns,
        status: 'succeeded',
        finished_at: this.now(db),
        heartbeat_at: this.now(db),
      });
    if (updated !== 1) {
      throw new ConflictError(
        `Run ${id} was marked abandoned; its results are not recorded`,
      );
    }
  }

  /** Marks the run failed with the error's message. */
  async fail(id: number, error: Error): Promise<void> {
    await this.options
      .db(this.options.table)
      .where({ id, status: 'running' })
      .update({
        status: 'failed',
        finished_at: this.now(),
        error: String(error?.message ?? error).slice(0, 2000),
      });
  }

  /**
   * Runs `fn` under a new lease: heartbeats while it runs, the run marked failed when it throws.
   * `fn` records its results and calls {@link DatabaseRunLease.finish}.
   */
  async run<T>(
    trigger: Trigger,
    logger: LoggerService,
    fn: (runId: number) => Promise<T>,
  ): Promise<T> {
    const runId = await this.start(trigger);
    const heartbeat = setInterval(() => {
      this.heartbeat(runId).catch(e =>
        logger.warn(`Could not record a heartbeat of run ${runId}: ${e}`),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      return await fn(runId);
    } catch (error) {
      await this.fail(runId, error as Error).catch(e =>
        logger.warn(`Could not record the failure of run ${runId}: ${e}`),
      );
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }
}
