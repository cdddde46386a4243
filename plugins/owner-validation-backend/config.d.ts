import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Owner validation: checks that owned entities have a valid, present owner. */
  ownerValidation?: {
    /**
     * When the full check runs, the safety net of the change queue: default every night at 03:30
     * (cron `30 3 * * *`), timeout 1 hour.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Schedule of the pass re-checking the entities in the catalog change queue (default every 2
     * seconds; it runs on each replica, each change handled by one; it claims only when the queue told
     * of changes, a delayed change fell due or a minute passed, so a quiet queue costs no query).
     */
    changesSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Severity of each finding type: error, warning, or off to disable it. */
    severities?: {
      /** The entity has no spec.owner. Default error. */
      missingOwner?: 'error' | 'warning' | 'off';
      /** spec.owner is not a valid reference to a User or Group. Default error. */
      invalidOwnerRef?: 'error' | 'warning' | 'off';
      /** spec.owner names no entity in the catalog. Default error. */
      ownerNotFound?: 'error' | 'warning' | 'off';
      /** The owner is missing because the catalog refused the file or document defining it. Default error. */
      ownerRefused?: 'error' | 'warning' | 'off';
      /** The owner is a user who left: gone, marked departed, or in no group. Default error. */
      departedUser?: 'error' | 'warning' | 'off';
      /** The owner is a group without members, directly or through child groups. Default error. */
      emptyGroup?: 'error' | 'warning' | 'off';
      /** The owner is a person rather than a group. Default warning. */
      userOwner?: 'error' | 'warning' | 'off';
    };
    // departedMarker: in @internal/plugin-owner-validation-common, which reads it and the app shows it.
    /** Notifications about new error findings, sent once per finding. */
    notify?: {
      /** Whether to send notifications; default true. */
      enabled?: boolean;
      /** Group notified when no owner can be suggested, e.g. `group:default/platform`. */
      fallbackGroup?: string;
    };
    /**
     * Refuse entities whose owner has an error finding at ingestion (needs the catalog module
     * `@internal/plugin-catalog-backend-module-owner-validation`); default false.
     */
    strict?: boolean;
  };
}
