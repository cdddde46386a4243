import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Catalog fixes: findings proposed as changes of catalog-info.yaml (plugins/catalog-fixes-backend). */
  catalogFixes?: {
    /**
     * How long, after a merge, to wait for the catalog to re-read the merged entities before the
     * ownership check runs again regardless; default 60.
     */
    refreshTimeoutSeconds?: number;
    /** Handovers of a departed person's or an emptied group's entities. */
    handovers?: {
      /**
       * How often owner validation's departedUser and emptyGroup findings are read to open
       * handovers and notify the suggested teams; default every 30 s, 20 s after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
