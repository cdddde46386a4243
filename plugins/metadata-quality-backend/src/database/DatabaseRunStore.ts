import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import os from 'node:os';
import { EvaluationRun, RunStore, RunTrigger } from './RunStore';

const RUNS = 'quality_evaluation_runs';

/** A running run without a heartbeat for this long belongs to a replica that died. */
export const STALE_AFTER_SECONDS = 30;

function iso(value: Date | string | null): string | undefined {
  return value === null ? undefined : new Date(value).toISOString();
}

/** Runs in PostgreSQL; times come from the database clock, so replicas compare. */
export class DatabaseRunStore implements RunStore {
  constructor(
    private readonly db: Knex,
    private readonly instance = `${os.hostname()}:${process.pid}`,
  ) {}

  private now() {
    return this.db.raw('clock_timestamp()');
  }

  async start(trigger: RunTrigger): Promise<number> {
    try {
      return await this.db.transaction(async tx => {
        await tx(RUNS)
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
            finished_at: this.now(),
            error: `No heartbeat for ${STALE_AFTER_SECONDS} s: the replica running it stopped`,
          });
        const [row] = await tx(RUNS)
          .insert({
            instance: this.instance,
            trigger,
            status: 'running',
            started_at: this.now(),
            heartbeat_at: this.now(),
          })
          .returning('id');
        return Number(row.id);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        const running = await this.db(RUNS).where('status', 'running').first();
        throw new ConflictError(
          `An evaluation is already running on '${
            running?.instance ?? 'another replica'
          }'`,
        );
      }
      throw error;
    }
  }

  async heartbeat(id: number): Promise<void> {
    await this.db(RUNS)
      .where({ id, status: 'running' })
      .update({ heartbeat_at: this.now() });
  }

  async finish(
    id: number,
    counts: { entityCount: number; removedCount: number },
  ): Promise<void> {
    await this.db(RUNS).where({ id, status: 'running' }).update({
      status: 'succeeded',
      finished_at: this.now(),
      heartbeat_at: this.now(),
      entity_count: counts.entityCount,
      removed_count: counts.removedCount,
    });
  }

  async fail(id: number, error: Error): Promise<void> {
    await this.db(RUNS)
      .where({ id, status: 'running' })
      .update({
        status: 'failed',
        finished_at: this.now(),
        error: String(error.message ?? error).slice(0, 2000),
      });
  }

  async list(limit: number): Promise<EvaluationRun[]> {
    const rows = await this.db(RUNS).orderBy('id', 'desc').limit(limit);
    return rows.map((row: any) => ({
      id: Number(row.id),
      instance: row.instance,
      trigger: row.trigger,
      status: row.status,
      startedAt: iso(row.started_at)!,
      heartbeatAt: iso(row.heartbeat_at)!,
      ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
      ...(row.entity_count !== null ? { entityCount: row.entity_count } : {}),
      ...(row.removed_count !== null
        ? { removedCount: row.removed_count }
        : {}),
      ...(row.error ? { error: row.error } : {}),
    }));
  }
}
