import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Metadata quality: rules that score catalog entities, and when they run. */
  metadataQuality?: {
    /** Keep the built-in rules (default true); configured rules replace built-in ones of the same id. */
    defaultRules?: boolean;
    /** Extra rules, or replacements of built-in rules by id. */
    rules?: Array<{
      /** Unique id: lowercase letters, digits and dashes. */
      id: string;
      /** Short name shown in the portal. */
      title: string;
      /** Longer explanation. */
      description?: string;
      /** Which entities the rule applies to; a missing list matches every value. */
      appliesTo?: {
        /** Entity kinds, case-insensitive. */
        kinds?: string[];
        /** spec.type values. */
        types?: string[];
        /** spec.lifecycle values. */
        lifecycles?: string[];
      };
      /**
       * The check: `type` is one of fieldPresent (path), fieldMatches (path, pattern or oneOf),
       * annotationPresent (annotation), relationPresent (relation), systemPresent, ownerValid, techdocsPresent,
       * linkPresent (match), freshness (maxAgeDays, optional annotation).
       */
      check: {
        /** The check type. */
        type: string;
        /** Dotted entity path for fieldPresent and fieldMatches. */
        path?: string;
        /** Regular expression for fieldMatches. */
        pattern?: string;
        /** Allowed values for fieldMatches. */
        oneOf?: string[];
        /** Annotation key for annotationPresent, or the date annotation for freshness. */
        annotation?: string;
        /** Relation type for relationPresent, e.g. partOf or providesApi. */
        relation?: string;
        /** Regular expression matched against link titles and types for linkPresent. */
        match?: string;
        /** Maximum age in days for freshness. */
        maxAgeDays?: number;
      };
      /** Weight of the rule in the score. */
      weight: number;
      /**
       * How to fix a failure. Failing results also carry advice written from the entity; in this
       * text {name}, {title}, {kind}, {namespace}, {ref}, {owner} and {system} become the entity's values.
       */
      howToFix: string;
    }>;
    /** Levels by minimum score (default Bronze 50, Silver 75, Gold 90). */
    levels?: Array<{
      /** Level name. */
      name: string;
      /** Minimum score, 0 to 100. */
      minScore: number;
    }>;
    /**
     * Schedule of the full evaluation, the safety net of the change queue and the daily history
     * (default every night at 03:00, cron `0 3 * * *`).
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Schedule of the pass re-scoring the entities in the catalog change queue (default every 2
     * seconds; it runs on each replica, each change handled by one; it claims only when the queue told
     * of changes, a delayed change fell due or a minute passed, so a quiet queue costs no query).
     */
    refreshSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Days of daily history kept per entity and per group (default 90). */
    retentionDays?: number;
    /** Owners confirming that an entity's metadata is still right. */
    verification?: {
      /**
       * Days a confirmation lasts (default 180): an entity confirmed longer ago, or never, fails the
       * built-in rule "Confirmed by its owners recently". Owners are notified 14 days before and when it lapses.
       */
      maxAgeDays?: number;
      /**
       * Schedule of the pass sending those notifications, expiring ended exemptions and sending the
       * initiatives' notices (default every hour).
       */
      notifySchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Owners' requests to exempt an entity from one rule, decided by the admins. */
    exemptions?: {
      /** How many days ahead an exemption may end at most (default 90). */
      maxDays?: number;
    };
    /** Initiatives: admins' campaigns with rules, target entities, a start and a deadline. */
    initiatives?: {
      /**
       * Days before the deadline the owners of failing entities are reminded (default [14, 3]);
       * they are also told when an initiative starts and when its deadline passes.
       */
      remindDaysBefore?: number[];
    };
    /** TechDocs of scored entities. */
    techdocs?: {
      /**
       * Build the docs of entities whose site is not built yet, one at a time through TechDocs' sync
       * route, instead of waiting for someone to open them (default true; only with `techdocs.builder: local`).
       */
      buildMissing?: boolean;
    };
  };
}
