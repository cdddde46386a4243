// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-fixes-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

/* eslint-disable */
export interface paths {
  '/handovers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Handovers of departed people's and emptied groups' entities, oldest first, with their progress. Needs catalog-fixes.read. */
    get: operations['ListHandovers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/handovers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One handover with its entities. Needs catalog-fixes.read. */
    get: operations['GetHandover'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/handovers/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A team takes over some or all of the handover's entities: one change request per repository sets spec.owner of every selected entity there. Needs catalog-fixes.handover.accept and membership of the suggested (or picked) team, or catalog-fixes.handover.accept-any (the admins). 409 when an entity is already accepted. */
    post: operations['AcceptHandover'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/previews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The diff a fix makes in the entity's catalog-info.yaml, and whether a change request can be opened where the file lives. Changes nothing. Needs catalog-fixes.propose. */
    post: operations['PreviewFix'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/change-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Change requests, newest first. */
    get: operations['ListChangeRequests'];
    put?: never;
    /** Opens a change request for a fix at the entity's source: a branch and a commit in a local git repository, a pull request on GitHub, a merge request on GitLab. 400 for a file location the portal cannot write (the preview says why). Needs catalog-fixes.propose; the signed-in user is recorded as its author. */
    post: operations['ProposeFix'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/change-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One change request. */
    get: operations['GetChangeRequest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/change-requests/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merges an open local-git change request: fast-forwards the default branch to its commit (re-made on the current head when only other files changed), updates the checkout and refreshes the entities, so the finding resolves within seconds. 409 "the file changed since; propose again" when its file changed since it was proposed: nothing is merged over someone's edit. Pull and merge requests on GitHub and GitLab are merged there (400). Needs catalog-fixes.change-request.decide on its entities. */
    post: operations['MergeChangeRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/change-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Closes an open change request with a reason; its branch is deleted. Needs catalog-fixes.change-request.decide on its entities. */
    post: operations['RejectChangeRequest'];
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
        /** @example ConflictError */
        name?: string;
        message?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /** @description What to fix: `owner` sets spec.owner to the owner validation's suggestion; `rule` applies the edits of a failing quality rule (its `edits` in metadata-quality's score). */
    Fix:
      | {
          /** @constant */
          type: 'owner';
        }
      | {
          /** @constant */
          type: 'rule';
          /** @example part-of-system */
          ruleId: string;
        };
    Proposal: {
      /** @example component:default/parcel-sorter */
      entityRef: string;
      fix: components['schemas']['Fix'];
      /** @description The `baseHash` of the preview the person confirmed: 409 when the file changed since. */
      baseHash?: string;
    };
    /** @description Where the entity's file lives, and whether the portal can open a change request there. */
    Target: {
      /** @enum {string} */
      type: 'local-git' | 'github' | 'gitlab' | 'file' | 'url';
      canOpen: boolean;
      /** @description Why no change request can be made (when canOpen is false); the diff is to be applied by hand. */
      reason?: string;
      /** @description The repository (a local-git name, owner/repo on GitHub, the project path on GitLab). */
      repository?: string;
      /** @description The entity's backstage.io/managed-by-location. */
      location?: string;
    };
    Preview: {
      entityRef: string;
      fix: components['schemas']['Fix'];
      /** @example Set the owner of parcel-sorter to logistics */
      title: string;
      /**
       * @description The file, relative to its repository (or its location for a file location).
       * @example catalog-info.yaml
       */
      path: string;
      /** @description Unified diff of the file. */
      diff: string;
      /** @description Git blob hash of the file the diff applies to. */
      baseHash: string;
      target: components['schemas']['Target'];
    };
    ChangeRequestEntity: {
      entityRef: string;
      /** @description The file */
      path: string;
      fix: components['schemas']['Fix'] | components['schemas']['HandoverFix'];
    };
    /** @description The entity is handed over to `owner` by handover `handoverId`. */
    HandoverFix: {
      /** @constant */
      type: 'handover';
      handoverId: number;
      /** @example group:default/logistics */
      owner: string;
    };
    HandoverEntity: {
      /** @example component:default/parcels */
      entityRef: string;
      title?: string;
      /** @description The team owner validation suggests for the entity (a departed person's best former team, an empty group's nearest ancestor with members). */
      suggestedTeam?: string;
      /** @description The team it was handed to */
      team?: string;
      /**
       * @description Where its catalog-info.yaml lives (its backstage.io/managed-by-location).
       * @enum {string}
       */
      provider?: 'local-git' | 'github' | 'gitlab' | 'file' | 'url';
      /** @description The repository of its file, when the portal can open a change request there. */
      repository?: string;
      /** @description Its file */
      path?: string;
      /**
       * @description pending: nobody accepted it yet (or its change request was rejected); accepted: its change request is open; handedOver: its change request is merged; resolved: its owner finding went away otherwise.
       * @enum {string}
       */
      state: 'pending' | 'accepted' | 'handedOver' | 'resolved';
      acceptedBy?: string;
      changeRequestId?: number;
    };
    HandoverProgress: {
      total: number;
      /** @description Entities whose change request is merged, or whose finding was resolved otherwise. */
      handedOver: number;
      /** @description Entities nobody accepted yet. */
      pending: number;
      openChangeRequests: number;
      mergedChangeRequests: number;
    };
    Handover: {
      id: number;
      /**
       * @description The person who left, or the group that emptied.
       * @example user:default/martin.keller
       */
      subjectRef: string;
      /** @enum {string} */
      reason: 'departedUser' | 'emptyGroup';
      /**
       * @description completed once every entity is handed over.
       * @enum {string}
       */
      status: 'open' | 'completed';
      /** Format: date-time */
      createdAt: string;
      /** @description The teams suggested for its entities. */
      teams: string[];
      progress: components['schemas']['HandoverProgress'];
      /** @description Every entity of the handover (in GET /handovers/{id} only). */
      entities?: components['schemas']['HandoverEntity'][];
    };
    Acceptance: {
      /** @description The entities to take over; default every pending entity of the handover. */
      entityRefs?: string[];
      /** @description The team taking them over instead of the suggested one (a group in the catalog). */
      team?: string;
    };
    AcceptResult: {
      handover: components['schemas']['Handover'];
      /** @description The change requests opened, one per repository. */
      changeRequests: components['schemas']['ChangeRequest'][];
    };
    ChangeRequest: {
      id: number;
      /** @enum {string} */
      provider: 'local-git' | 'github' | 'gitlab';
      repository: string;
      /** @example catalog-fixes/1-parcel-sorter-owner */
      branch: string;
      /** @description The default branch's commit it was proposed on. */
      baseCommit: string;
      title: string;
      /** @description Unified diff of every file it changes. */
      diff: string;
      /** @example user:default/guest */
      author: string;
      /** Format: date-time */
      createdAt: string;
      /** @enum {string} */
      status: 'open' | 'merged' | 'rejected';
      /** @description Why it was rejected. */
      reason?: string;
      decidedBy?: string;
      /** Format: date-time */
      decidedAt?: string;
      /** @description The pull or merge request on GitHub or GitLab. */
      url?: string;
      entities: components['schemas']['ChangeRequestEntity'][];
    };
  };
  responses: {
    /** @description An error, as Backstage's error handler writes it: 400 names the field at fault, 404 the thing not found, 409 a change request whose file changed since it was proposed. 503 while the plugin's database cannot be reached: try again. */
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
    id: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListHandovers: {
    parameters: {
      query?: {
        status?: 'open' | 'completed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The handovers (without their entities). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Handover'][];
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  GetHandover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The handover. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Handover'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  AcceptHandover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Acceptance'];
      };
    };
    responses: {
      /** @description The handover and the change requests opened. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptResult'];
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
  PreviewFix: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Proposal'];
      };
    };
    responses: {
      /** @description The preview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Preview'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ListChangeRequests: {
    parameters: {
      query?: {
        status?: 'open' | 'merged' | 'rejected';
        /** @description Only those changing this entity. */
        entityRef?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of change requests. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ChangeRequest'][];
            totalCount: number;
          };
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  ProposeFix: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Proposal'];
      };
    };
    responses: {
      /** @description The change request. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangeRequest'];
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
  GetChangeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The change request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangeRequest'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      404: components['responses']['Error'];
      503: components['responses']['Error'];
    };
  };
  MergeChangeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The merged change request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangeRequest'];
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
  RejectChangeRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description The rejected change request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangeRequest'];
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
}
