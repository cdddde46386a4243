// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/scaffolder-backend-module-local-git/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

/* eslint-disable */
export interface paths {
  '/golden-path/names/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a golden path could create an entity of this name. */
    get: operations['GetNameAvailability'];
    put?: never;
    post?: never;
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
    NameAvailability: {
      available: boolean;
      /** @description Why the name cannot be used, when it cannot. */
      problem?: string;
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
  GetNameAvailability: {
    parameters: {
      query?: {
        /** @description The kind of the new entity. */
        kind?: string;
      };
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the name is free, and why not when it is not. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NameAvailability'];
        };
      };
      400: components['responses']['Error'];
      401: components['responses']['Error'];
    };
  };
}
