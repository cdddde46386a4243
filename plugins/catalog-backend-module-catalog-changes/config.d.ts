import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** The catalog change queue the in-house plugins consume (`@internal/backend-catalog-changes`). */
  catalogChanges?: {
    /**
     * Schedule of the check comparing the catalog's entity count with the refs seen, which lists
     * both only when they differ, to queue deleted entities (default every 10 seconds). The counts
     * are compared only when PostgreSQL's statistics say the catalog added or removed entities since
     * they last agreed (`pg_stat_user_tables` of its refresh state and final entities), and at
     * least every 10 minutes.
     */
    deletionCheck?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Least time between two listings of the catalog by that check, in seconds (default 60): the
     * counts stay apart while the catalog keeps refusing an entity it processes, and a listing reads
     * every ref. A deletion is noticed within this time plus one check.
     */
    deletionListIntervalSeconds?: number;
  };
}
