// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/metadata-quality-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

/* eslint-disable */
export interface paths {
  '/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rules in force and the levels. */
    get: operations['GetRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Scored entities, filtered, sorted and paged. */
    get: operations['ListEntities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One entity's score with its rule results. */
    get: operations['GetEntityScore'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The owners' latest confirmation of an entity; 404 when it was never confirmed. */
    get: operations['GetConfirmation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirms that the entity's metadata is still right, for its current owner, and re-scores it. Needs a user with the metadata-quality.entity.confirm permission on the entity (its owners). */
    post: operations['ConfirmEntity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{namespace}/{name}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirms every entity the group owns that the caller may confirm (metadata-quality.entity.confirm) and re-scores them. */
    post: operations['ConfirmGroupEntities'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/exemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Asks to exempt the entity from one rule until a date (at most metadataQuality.exemptions.maxDays ahead). Needs a user with metadata-quality.exemption.request on the entity (its owners). */
    post: operations['RequestExemption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/exemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Exemption requests, decisions and expiries, newest first (the audit trail). */
    get: operations['ListExemptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/exemptions/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves or denies a request, with a comment. Needs metadata-quality.exemption.decide (admins). */
    post: operations['DecideExemption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Totals over every scored entity (distribution in ten-point buckets, levels, failing rules). */
    get: operations['GetSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leaderboard; every group with the entities it and its child groups own, best first. */
    get: operations['GetGroupSummaries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/history/entities/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daily scores of one entity. */
    get: operations['GetEntityHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/history/groups/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daily average score of a group and its child groups. */
    get: operations['GetGroupHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Full evaluations, newest first, with the replica that ran each and how it ended. */
    get: operations['ListRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-evaluates every entity now. Needs the metadata-quality.evaluate permission. */
    post: operations['Evaluate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    RuleResult: {
      ruleId: string;
      passed: boolean;
      weight: number;
      /** @description Why the check failed. */
      message?: string;
      /** @description How to fix this entity (Markdown with the YAML to change), on a failing result. */
      fix?: string;
      /** @description The edits of the entity's catalog-info.yaml that fix it, on a failing result whose fix the portal can apply as it is (catalog-fixes proposes them as a change). */
      edits?: components['schemas']['EntityEdit'][];
      /** @description An approved exemption in force; the rule does not count against the score. */
      exempt?: {
        /** Format: date-time */
        until: string;
        reason: string;
      };
    };
    /** @description One change of the entity's own document: `set` a field at a path (dotted, brackets for keys with dots), `add` items to a list, or set an `annotation`. */
    EntityEdit:
      | {
          /** @constant */
          type: 'set';
          /** @example spec.owner */
          path: string;
          value: unknown;
        }
      | {
          /** @constant */
          type: 'add';
          /** @example spec.providesApis */
          path: string;
          values: unknown[];
        }
      | {
          /** @constant */
          type: 'annotation';
          /** @example backstage.io/source-location */
          annotation: string;
          value: string;
        };
    EntityScore: {
      /** @example component:default/checkout-web */
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      title?: string;
      type?: string;
      lifecycle?: string;
      /** @example group:default/web */
      ownerRef?: string;
      score: number;
      /** @description The highest level reached, null below every level. */
      level: string | null;
      failingRules: string[];
      results: components['schemas']['RuleResult'][];
      /** Format: date-time */
      evaluatedAt: string;
      /**
       * Format: date-time
       * @description When the plugin first saw the entity's current metadata.etag.
       */
      changedAt: string;
    };
    Rule: {
      id: string;
      title: string;
      description?: string;
      appliesTo?: {
        kinds?: string[];
        types?: string[];
        lifecycles?: string[];
      };
      /** @description The check's other fields depend on its type (path, pattern, annotation, relation, maxAgeDays...); see the plugin's README. */
      check: {
        /** @enum {string} */
        type:
          | 'fieldPresent'
          | 'fieldMatches'
          | 'annotationPresent'
          | 'relationPresent'
          | 'systemPresent'
          | 'ownerValid'
          | 'techdocsPresent'
          | 'linkPresent'
          | 'freshness'
          | 'confirmed';
      };
      weight: number;
      howToFix: string;
    };
    Level: {
      name: string;
      minScore: number;
    };
    GroupSummary: {
      groupRef: string;
      title?: string;
      parentRef?: string;
      /** @description Entities the group and its child groups own. */
      entityCount: number;
      averageScore: number | null;
      /** @description Entity count per level; `none` for entities below every level. */
      levels: {
        [key: string]: number;
      };
    };
    EvaluationRun: {
      id: number;
      /** @description host:pid of the replica */
      instance: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /**
       * @description abandoned when the replica stopped sending heartbeats (killed) for 30 s
       * @enum {string}
       */
      status: 'running' | 'succeeded' | 'failed' | 'abandoned';
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      heartbeatAt: string;
      /** Format: date-time */
      finishedAt?: string;
      /** @description Entities scored */
      entityCount?: number;
      /** @description Scores of deleted entities removed */
      removedCount?: number;
      error?: string;
    };
    QualitySummary: {
      entityCount: number;
      averageScore: number | null;
      /** @description Entity count per level; `none` for entities below every level. */
      levels: {
        [key: string]: number;
      };
      /** @description Entity counts in ten-point score buckets, 0-9 to 90-100. */
      buckets: number[];
      /** @description Entities failing each rule, by rule id. */
      failingRules: {
        [key: string]: number;
      };
    };
    /** @description The owners' latest confirmation that an entity's metadata is still right. It counts for the owner it was given for only. */
    Confirmation: {
      /** @example component:default/checkout-web */
      entityRef: string;
      /** @example group:default/web */
      ownerRef: string;
      /** @example user:default/alice */
      confirmedBy: string;
      /** Format: date-time */
      confirmedAt: string;
    };
    GroupConfirmation: {
      confirmed: components['schemas']['Confirmation'][];
      /** @description Entities of the group the caller may not confirm. */
      notAllowed: string[];
    };
    Exemption: {
      id: number;
      entityRef: string;
      ruleId: string;
      reason: string;
      /** Format: date-time */
      until: string;
      /** @enum {string} */
      status: 'requested' | 'approved' | 'denied' | 'expired';
      requestedBy: string;
      /** Format: date-time */
      requestedAt: string;
      decidedBy?: string;
      /** Format: date-time */
      decidedAt?: string;
      comment?: string;
      /** Format: date-time */
      expiredAt?: string;
    };
    EvaluationSummary: {
      /** @description The recorded run (GET /runs). */
      runId?: number;
      evaluated: number;
      removed: number;
      durationMs: number;
    };
    HistoryPoint: {
      /** Format: date */
      day: string;
      score: number;
      entityCount?: number;
    };
  };
  responses: {
    /** @description An error, as Backstage's error handler writes it. 503 while the plugin's database cannot be reached: try again. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': {
          error?: {
            /** @example InputError */
            name?: string;
            message?: string;
          };
          response?: {
            statusCode?: number;
          };
        };
      };
    };
  };
  parameters: {
    kind: string;
    namespace: string;
    name: string;
    /** @description Days of history, 1 to 3650. */
    days: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Rules and levels. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            rules: components['schemas']['Rule'][];
            levels: components['schemas']['Level'][];
          };
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListEntities: {
    parameters: {
      query?: {
        kind?: string;
        /** @description Group ref or name (payments, group:default/payments). */
        owner?: string;
        /** @description A level name, or none. */
        level?: string;
        /** @description Only entities failing this rule id. */
        failingRule?: string;
        minScore?: number;
        maxScore?: number;
        orderBy?: 'score' | 'name' | 'evaluatedAt';
        order?: 'asc' | 'desc';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of entities. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EntityScore'][];
            totalItems: number;
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetEntityScore: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The score. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityScore'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetConfirmation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The confirmation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Confirmation'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ConfirmEntity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The confirmation stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Confirmation'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ConfirmGroupEntities: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The confirmations stored, and the entities left out. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupConfirmation'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  RequestExemption: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ruleId: string;
          reason: string;
          /**
           * Format: date
           * @description The last day
           */
          until: string;
        };
      };
    };
    responses: {
      /** @description The request, awaiting an admin's decision. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Exemption'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListExemptions: {
    parameters: {
      query?: {
        status?: 'requested' | 'approved' | 'denied' | 'expired';
        entityRef?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The exemptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Exemption'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  DecideExemption: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          decision: 'approve' | 'deny';
          comment: string;
        };
      };
    };
    responses: {
      /** @description The decided exemption. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Exemption'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      409: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetSummary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Totals. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QualitySummary'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetGroupSummaries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Groups. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['GroupSummary'][];
          };
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetEntityHistory: {
    parameters: {
      query?: {
        /** @description Days of history, 1 to 3650. */
        days?: components['parameters']['days'];
      };
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entityRef: string;
            items: components['schemas']['HistoryPoint'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetGroupHistory: {
    parameters: {
      query?: {
        /** @description Days of history, 1 to 3650. */
        days?: components['parameters']['days'];
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The series, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            groupRef: string;
            items: components['schemas']['HistoryPoint'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListRuns: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The runs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EvaluationRun'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  Evaluate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the run did. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationSummary'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      409: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
}
