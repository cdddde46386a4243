// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/owner-validation-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

/* eslint-disable */
export interface paths {
  '/entities/{kind}/{namespace}/{name}/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The open and resolved findings of one entity. */
    get: operations['GetEntityFindings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings, filtered and paged. */
    get: operations['ListFindings'];
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
    /** Counts of the open findings by type, severity, kind and team, and the last run. */
    get: operations['GetSummary'];
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
    /** The latest runs of the check, newest first. */
    get: operations['ListRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Checks entities before they are registered; stores nothing. */
    post: operations['CheckEntities'];
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
    /** Runs the ownership check now. */
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
    ErrorResponse: {
      error?: {
        /** @example InputError */
        name?: string;
        message?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /** @enum {string} */
    OwnerFindingType:
      | 'missingOwner'
      | 'invalidOwnerRef'
      | 'ownerNotFound'
      | 'ownerRefused'
      | 'departedUser'
      | 'emptyGroup'
      | 'userOwner';
    /** @enum {string} */
    OwnerFindingSeverity: 'error' | 'warning';
    /** @description An ownership problem of one entity, as computed by the check. */
    OwnerFinding: {
      /** @description The entity, e.g. component:default/foo (lower case). */
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      /** @description The entity's title, for display. */
      title?: string;
      type: components['schemas']['OwnerFindingType'];
      severity: components['schemas']['OwnerFindingSeverity'];
      /** @description The owner as written in spec.owner */
      owner?: string;
      /** @description The owner as a full entity reference, when it could be parsed. */
      ownerRef?: string;
      /** @description A sentence explaining the problem. */
      message: string;
      /** @description A group that could own the entity instead, when one can be inferred. */
      suggestedOwner?: string;
      /** @description The group last known to be responsible, used to group findings. */
      team?: string;
    };
    /** @description A finding as stored, with its history. */
    StoredOwnerFinding: {
      /** @description The entity, e.g. component:default/foo (lower case). */
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      /** @description The entity's title, for display. */
      title?: string;
      type: components['schemas']['OwnerFindingType'];
      severity: components['schemas']['OwnerFindingSeverity'];
      /** @description The owner as written in spec.owner */
      owner?: string;
      /** @description The owner as a full entity reference, when it could be parsed. */
      ownerRef?: string;
      /** @description A sentence explaining the problem. */
      message: string;
      /** @description A group that could own the entity instead, when one can be inferred. */
      suggestedOwner?: string;
      /** @description The group last known to be responsible, used to group findings. */
      team?: string;
      id: number;
      /** Format: date-time */
      firstSeen: string;
      /** Format: date-time */
      lastSeen: string;
      /** Format: date-time */
      resolvedAt?: string;
      /** Format: date-time */
      notifiedAt?: string;
    };
    EntityFindingsResponse: {
      entityRef: string;
      findings: components['schemas']['StoredOwnerFinding'][];
    };
    FindingsListResponse: {
      items: components['schemas']['StoredOwnerFinding'][];
      totalCount: number;
      limit: number;
      offset: number;
    };
    FindingsSummary: {
      /** @description Open findings. */
      total: number;
      byType: {
        [key: string]: number;
      };
      bySeverity: {
        [key: string]: number;
      };
      byKind: {
        [key: string]: number;
      };
      byTeam: {
        team: string | null;
        count: number;
      }[];
      lastRun?: {
        /** Format: date-time */
        finishedAt: string;
        entityCount: number;
        findingCount: number;
      };
    };
    /** @description A run of the ownership check, as recorded. */
    CheckRun: {
      id: number;
      /** @description host:pid of the replica that ran it */
      instance?: string;
      /** @enum {string} */
      trigger?: 'schedule' | 'manual';
      /**
       * @description abandoned when the replica stopped sending heartbeats (killed)
       * @enum {string}
       */
      status: 'running' | 'succeeded' | 'failed' | 'abandoned';
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      heartbeatAt?: string;
      /** Format: date-time */
      finishedAt?: string;
      entityCount?: number;
      findingCount?: number;
      error?: string;
    };
    /** @description What one run of the check found and changed. */
    CheckSummary: {
      /** @description The id of the recorded run (GET /runs). */
      runId: number;
      entityCount: number;
      opened: number;
      resolved: number;
      open: number;
      notified: number;
      durationMs: number;
    };
    CheckEntitiesRequest: {
      /** @description Entities as they would be registered (the catalog-import review step). */
      entities: ({
        apiVersion?: string;
        kind: string;
        metadata: {
          name: string;
          namespace?: string;
        } & {
          [key: string]: unknown;
        };
        spec?: {
          [key: string]: unknown;
        };
      } & {
        [key: string]: unknown;
      })[];
    };
    /** @description The findings of each submitted entity, in request order. */
    CheckEntitiesResponse: {
      items: {
        entityRef: string;
        findings: components['schemas']['OwnerFinding'][];
      }[];
    };
  };
  responses: {
    /** @description An error, as Backstage's error handler writes it. 503 while the plugin's database cannot be reached: try again. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    kind: string;
    namespace: string;
    name: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetEntityFindings: {
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
      /** @description The entity's findings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityFindingsResponse'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListFindings: {
    parameters: {
      query?: {
        type?: components['schemas']['OwnerFindingType'][];
        severity?: components['schemas']['OwnerFindingSeverity'][];
        kind?: string[];
        /** @description A group ref or name (payments, group:default/payments). */
        team?: string;
        status?: 'open' | 'resolved' | 'all';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of findings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindingsListResponse'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
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
      /** @description The counts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindingsSummary'];
        };
      };
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
            items: components['schemas']['CheckRun'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  CheckEntities: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckEntitiesRequest'];
      };
    };
    responses: {
      /** @description The findings of each entity. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckEntitiesResponse'];
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
      /** @description What the run found and changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckSummary'];
        };
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
}
