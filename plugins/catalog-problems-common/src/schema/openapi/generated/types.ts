// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-backend-module-input-guard/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

/* eslint-disable */
export interface paths {
  '/processing-problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One page of what the catalog could not ingest, sorted by file. */
    get: operations['ListProcessingProblems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/processing-problems/locations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unregisters a registered location and everything it brought in. */
    delete: operations['UnregisterLocation'];
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
    /** @description One error the catalog or the input guard recorded. */
    ProcessingError: {
      /** @example InputError */
      name: string;
      /** @description Starts with the file it is about when the input guard wrote it. */
      message: string;
    };
    /** @description One entity the catalog could not process, or one document it refused. */
    ProcessingProblem: {
      /** @description The entity the problem is about (lower case), e.g. group:default/payments. Absent when the file could not be read as far as an entity. */
      entityRef?: string;
      /** @description The file to fix, e.g. url:https://git.example/org.yaml (not the Location that lists it). */
      file?: string;
      /** @description Where the entity was read from (backstage.io/managed-by-location), when known. */
      location?: string;
      /** @description The registration it came through (backstage.io/managed-by-origin-location), when known. */
      originLocation?: string;
      /** @description The catalog's id of that registration, for unregistering it. */
      originLocationId?: string;
      errors: components['schemas']['ProcessingError'][];
      /** @description True when the catalog still serves the last good version of the entity. */
      ingested: boolean;
    };
    ProcessingProblemsResponse: {
      items: components['schemas']['ProcessingProblem'][];
      /** @description Problems in all pages. */
      totalItems: number;
    };
  };
  responses: {
    /** @description An error, as Backstage's error handler writes it. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListProcessingProblems: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of problems. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProcessingProblemsResponse'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
      403: components['responses']['Error'];
    };
  };
  UnregisterLocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The catalog's id of the registration (originLocationId of a problem). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unregistered. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Error'];
      403: components['responses']['Error'];
      404: components['responses']['Error'];
    };
  };
}
