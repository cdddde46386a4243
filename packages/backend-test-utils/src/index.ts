/**
 * What the backend tests and the benchmarks (bench/) share: requests checked against a plugin's
 * OpenAPI document, entity builders and the catalog generator, and the harness that runs the real
 * backend process, and the real PostgreSQL databases of store tests.
 *
 * @packageDocumentation
 */
export {
  createOpenApiRequest,
  createOpenApiResponseChecker,
  type OpenApiResponseChecker,
} from './openApiResponses';
export * from './entities';
export * from './generateCatalog';
export * from './recordingPermissions';
export * from './backendProcess';
export * from './poll';
export * from './freePort';
export * from './postgresConnection';
export * from './serviceProcess';
export * from './testPostgres';
export * from './pluginTestBackend';
export * from './standInPlugin';
