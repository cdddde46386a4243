// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/scaffolder-backend-module-local-git/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';

/** The OpenAPI document of this plugin, as a value the router's types are derived from. */
export const spec = {"openapi":"3.1.0","info":{"title":"golden-path-names","version":"1","description":"Whether a golden path could create an entity of a name, judged as its validate step will, with the caller's credentials. Served by the scaffolder's local-git module under the scaffolder's API (/api/scaffolder). Needs a user or service token (Authorization: Bearer ...): 401 without one.","license":{"name":"UNLICENSED","identifier":"UNLICENSED"}},"servers":[{"url":"/"}],"components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},"responses":{"Error":{"description":"An error, as Backstage's error handler writes it.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ErrorResponse"}}}}},"schemas":{"ErrorResponse":{"type":"object","properties":{"error":{"type":"object","properties":{"name":{"type":"string","examples":["InputError"]},"message":{"type":"string"}}},"response":{"type":"object","properties":{"statusCode":{"type":"integer"}}}}},"NameAvailability":{"type":"object","additionalProperties":false,"required":["available"],"properties":{"available":{"type":"boolean"},"problem":{"type":"string","description":"Why the name cannot be used, when it cannot."}}}}},"security":[{"bearer":[]}],"paths":{"/golden-path/names/{name}":{"get":{"operationId":"GetNameAvailability","summary":"Whether a golden path could create an entity of this name.","parameters":[{"name":"name","in":"path","required":true,"schema":{"type":"string","minLength":1}},{"name":"kind","in":"query","description":"The kind of the new entity.","schema":{"type":"string","pattern":"^[A-Za-z]+$","default":"Component"}}],"responses":{"200":{"description":"Whether the name is free, and why not when it is not.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/NameAvailability"}}}},"400":{"$ref":"#/components/responses/Error"},"401":{"$ref":"#/components/responses/Error"}}}}}} as const;

/** An express router that validates requests against {@link spec} and types the handlers from it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);

const documentedPaths = Object.keys(spec.paths).map(
  path => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
);

/**
 * Passes only requests for the document's paths to `router`: a module sharing a stock plugin's root
 * leaves the plugin's own routes, and its /openapi.json, to the plugin.
 */
export function documentedPathsOnly(router: express.RequestHandler): express.Router {
  const scoped = express.Router();
  scoped.use((req, res, next) =>
    documentedPaths.some(path => path.test(req.path)) ? router(req, res, next) : next(),
  );
  return scoped;
}
