/**
 * Shared by the catalog input guard (`/api/catalog/processing-problems`), the Catalog problems
 * page and owner validation: the types, the read permission and the client.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './CatalogProblemsClient';
