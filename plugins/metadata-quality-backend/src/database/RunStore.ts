import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EvaluationRun } from '@internal/plugin-metadata-quality-common';

export type { EvaluationRun };

/** What started a full evaluation. */
export type RunTrigger = 'schedule' | 'manual';

/** The durable record of full evaluations, shared by every replica. */
export interface RunStore {
  /**
   * Records a run as running and returns its id. Runs of replicas that stopped sending heartbeats
   * are marked abandoned first; throws `ConflictError` while another run is alive.
   */
  start(trigger: RunTrigger): Promise<number>;
  /** Tells other replicas the run is alive. */
  heartbeat(id: number): Promise<void>;
  finish(
    id: number,
    counts: { entityCount: number; removedCount: number },
  ): Promise<void>;
  /** Marks the run succeeded; throws `ConflictError` when it was marked abandoned meanwhile. */
  fail(id: number, error: Error): Promise<void>;
  /** Runs `fn` under a new run: heartbeats while it runs, marked failed when it throws. */
  run<T>(
    trigger: RunTrigger,
    logger: LoggerService,
    fn: (runId: number) => Promise<T>,
  ): Promise<T>;
  /** Newest first. */
  list(limit: number): Promise<EvaluationRun[]>;
}
