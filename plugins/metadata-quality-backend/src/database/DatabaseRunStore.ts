import { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseRunLease } from '@internal/backend-run-lease';
import { Knex } from 'knex';
import { EvaluationRun, RunStore, RunTrigger } from './RunStore';
import { RUNS } from './tables';

function iso(value: Date | string | null): string | undefined {
  return value === null ? undefined : new Date(value).toISOString();
}

/** Runs in PostgreSQL, under the run lease every in-house backend uses. */
export class DatabaseRunStore implements RunStore {
  private readonly lease: DatabaseRunLease<RunTrigger>;

  constructor(private readonly db: Knex, instance?: string) {
    this.lease = new DatabaseRunLease({
      db,
      table: RUNS,
      what: 'An evaluation',
      instance,
    });
  }

  start(trigger: RunTrigger): Promise<number> {
    return this.lease.start(trigger);
  }

  heartbeat(id: number): Promise<void> {
    return this.lease.heartbeat(id);
  }

  finish(
    id: number,
    counts: { entityCount: number; removedCount: number },
  ): Promise<void> {
    return this.lease.finish(id, {
      entity_count: counts.entityCount,
      removed_count: counts.removedCount,
    });
  }

  fail(id: number, error: Error): Promise<void> {
    return this.lease.fail(id, error);
  }

  run<T>(
    trigger: RunTrigger,
    logger: LoggerService,
    fn: (runId: number) => Promise<T>,
  ): Promise<T> {
    return this.lease.run(trigger, logger, fn);
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
