// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-backend-module-input-guard/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';

/** The OpenAPI document of this plugin, as a value the router's types are derived from. */
export const spec = {"openapi":"3.1.0","info":{"title":"catalog-problems","version":"1","description":"What the catalog could not ingest, and unregistering a broken registration. Served by the catalog's input-guard module under the catalog's API (/api/catalog). Every route needs a token (Authorization: Bearer ...): 401 without one. Listing needs catalog.processing-problems.read (403 without it); unregistering needs catalog.location.delete, or catalog.entity.delete on everything the registration brought in.","license":{"name":"UNLICENSED","identifier":"UNLICENSED"}},"servers":[{"url":"/"}],"components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},"responses":{"Error":{"description":"An error, as Backstage's error handler writes it.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ErrorResponse"}}}}},"schemas":{"ErrorResponse":{"type":"object","properties":{"error":{"type":"object","properties":{"name":{"type":"string","examples":["InputError"]},"message":{"type":"string"}}},"response":{"type":"object","properties":{"statusCode":{"type":"integer"}}}}},"ProcessingError":{"type":"object","description":"One error the catalog or the input guard recorded.","additionalProperties":false,"required":["name","message"],"properties":{"name":{"type":"string","examples":["InputError"]},"message":{"type":"string","description":"Starts with the file it is about when the input guard wrote it."}}},"ProcessingProblem":{"type":"object","description":"One entity the catalog could not process, or one document it refused.","additionalProperties":false,"required":["errors","ingested"],"properties":{"entityRef":{"type":"string","description":"The entity the problem is about (lower case), e.g. group:default/payments. Absent when the file could not be read as far as an entity."},"file":{"type":"string","description":"The file to fix, e.g. url:https://git.example/org.yaml (not the Location that lists it)."},"location":{"type":"string","description":"Where the entity was read from (backstage.io/managed-by-location), when known."},"originLocation":{"type":"string","description":"The registration it came through (backstage.io/managed-by-origin-location), when known."},"originLocationId":{"type":"string","description":"The catalog's id of that registration, for unregistering it."},"errors":{"type":"array","items":{"$ref":"#/components/schemas/ProcessingError"}},"ingested":{"type":"boolean","description":"True when the catalog still serves the last good version of the entity."}}},"ProcessingProblemsResponse":{"type":"object","additionalProperties":false,"required":["items","totalItems"],"properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/ProcessingProblem"}},"totalItems":{"type":"integer","description":"Problems in all pages."}}}}},"security":[{"bearer":[]}],"paths":{"/processing-problems":{"get":{"operationId":"ListProcessingProblems","summary":"One page of what the catalog could not ingest, sorted by file.","parameters":[{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":1000,"default":500}},{"name":"offset","in":"query","schema":{"type":"integer","minimum":0,"default":0}}],"responses":{"200":{"description":"A page of problems.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/ProcessingProblemsResponse"}}}},"400":{"$ref":"#/components/responses/Error"},"401":{"$ref":"#/components/responses/Error"},"403":{"$ref":"#/components/responses/Error"}}}},"/processing-problems/locations/{id}":{"delete":{"operationId":"UnregisterLocation","summary":"Unregisters a registered location and everything it brought in.","parameters":[{"name":"id","in":"path","required":true,"description":"The catalog's id of the registration (originLocationId of a problem).","schema":{"type":"string","minLength":1}}],"responses":{"204":{"description":"Unregistered."},"401":{"$ref":"#/components/responses/Error"},"403":{"$ref":"#/components/responses/Error"},"404":{"$ref":"#/components/responses/Error"}}}}}} as const;

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
