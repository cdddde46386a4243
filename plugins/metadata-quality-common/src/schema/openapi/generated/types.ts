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
  '/initiatives': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every initiative with its progress and days left, the nearest deadline first. */
    get: operations['ListInitiatives'];
    put?: never;
    /** Creates an initiative; a full evaluation starts to measure it. Needs metadata-quality.initiative.manage (admins). */
    post: operations['CreateInitiative'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/initiatives/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One initiative with its progress overall and per team. */
    get: operations['GetInitiative'];
    /** Replaces an initiative's definition; a full evaluation starts to measure it again. Notices already sent are not sent again. Needs metadata-quality.initiative.manage (admins). */
    put: operations['UpdateInitiative'];
    post?: never;
    /** Deletes an initiative with its progress history and notices. Needs metadata-quality.initiative.manage (admins). */
    delete: operations['DeleteInitiative'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/initiatives/{id}/failing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entities that still fail the initiative, with their owners, by owner. */
    get: operations['ListInitiativeFailing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/initiatives/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daily progress of the initiative (the last full evaluation of each day, until its deadline), overall or of one owner. */
    get: operations['GetInitiativeHistory'];
    put?: never;
    post?: never;
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
    /** Leaderboard; every group with the entities it and its child groups own, best first. With `initiative`, only the initiative's entities, with how many pass it, the best share first. */
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
      /** @description With `initiative`, the entities (of entityCount) that pass the initiative. */
      passing?: number;
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
    /** @description The entities an initiative is about; a missing or empty list matches every value. */
    InitiativeTarget: {
      /** @description Entity kinds, any case. */
      kinds?: string[];
      /** @description spec.type values. */
      types?: string[];
      /** @description spec.lifecycle values. */
      lifecycles?: string[];
      /** @description metadata.tags; any of them matches. */
      tags?: string[];
      /** @description Owner refs or group names (payments, group:default/payments). */
      owners?: string[];
    };
    InitiativeInput: {
      title: string;
      description?: string;
      /** @description Ids of the portal's rules (GET /rules). */
      ruleIds?: string[];
      /** @description Rules defined only inside the initiative, in the shape of metadataQuality.rules (id, title, check, appliesTo); weight and howToFix may be left out. Checked on the initiative's entities in the same pass as the portal's rules; they never count in the score. */
      rules?: {
        [key: string]: unknown;
      }[];
      target?: components['schemas']['InitiativeTarget'];
      /** @description YYYY-MM-DD (from 00:00 UTC) or an ISO 8601 time. */
      startsAt: string;
      /** @description YYYY-MM-DD (to 23:59:59 UTC) or an ISO 8601 time, after startsAt. */
      deadline: string;
    };
    InitiativeProgress: {
      /** @description Entities the initiative targets that one of its rules applies to. */
      targeted: number;
      /** @description Those that pass every rule of the initiative that applies to them. */
      passing: number;
    };
    InitiativeTeam: {
      /** @description The owner; absent for entities without one. */
      ownerRef?: string;
      title?: string;
      targeted: number;
      passing: number;
    };
    Initiative: {
      id: number;
      title: string;
      description?: string;
      ruleIds: string[];
      rules: components['schemas']['Rule'][];
      target: components['schemas']['InitiativeTarget'];
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      deadline: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: date-time
       * @description The start of the last full evaluation that checked the current definition; absent until one did.
       */
      evaluatedAt?: string;
      /** @enum {string} */
      status: 'upcoming' | 'running' | 'ended';
      /** @description Whole days to the deadline */
      daysLeft: number;
      progress: components['schemas']['InitiativeProgress'];
      /** @description Progress per owner, most failing entities first (GET /initiatives/{id} only). */
      teams?: components['schemas']['InitiativeTeam'][];
    };
    InitiativeEntity: {
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      title?: string;
      ownerRef?: string;
      /** @description Ids of the initiative's rules it fails. */
      failingRules: string[];
    };
    InitiativeProgressPoint: {
      /** Format: date */
      day: string;
      targeted: number;
      passing: number;
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
    initiativeId: number;
    /** @description Only entities an initiative targets (its id). */
    initiative: number;
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
        /** @description Only entities an initiative targets (its id). */
        initiative?: components['parameters']['initiative'];
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
           * @description The last day, YYYY-MM-DD.
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
  ListInitiatives: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The initiatives. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Initiative'][];
          };
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  CreateInitiative: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InitiativeInput'];
      };
    };
    responses: {
      /** @description The initiative. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Initiative'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetInitiative: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['initiativeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The initiative. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Initiative'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  UpdateInitiative: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['initiativeId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InitiativeInput'];
      };
    };
    responses: {
      /** @description The initiative. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Initiative'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  DeleteInitiative: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['initiativeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListInitiativeFailing: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        id: components['parameters']['initiativeId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of failing entities. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['InitiativeEntity'][];
            totalItems: number;
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
  GetInitiativeHistory: {
    parameters: {
      query?: {
        /** @description An owner ref or group name; without it, every owner together. */
        owner?: string;
      };
      header?: never;
      path: {
        id: components['parameters']['initiativeId'];
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
            items: components['schemas']['InitiativeProgressPoint'][];
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
      query?: {
        /** @description Only entities an initiative targets (its id). */
        initiative?: components['parameters']['initiative'];
      };
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
      400: components['responses']['Error'];
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
