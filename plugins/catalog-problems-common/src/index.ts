/**
 * Shared by the catalog input guard (`/api/catalog/processing-problems`), the Catalog problems
 * page and owner validation: the read permission and the client and types generated from the
 * input guard's OpenAPI document.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './listAllProblems';
export { CatalogProblemsClient } from './schema/openapi/generated';
export type {
  ProcessingError,
  ProcessingProblem,
  ProcessingProblemsResponse,
} from './schema/openapi/generated';
