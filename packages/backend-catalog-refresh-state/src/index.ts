/**
 * The catalog's refresh state, read by the catalog modules that need what the catalog offers no
 * API for. The one place that knows the table's layout.
 *
 * @packageDocumentation
 */
export { CatalogRefreshState } from './CatalogRefreshState';
export type { FailedEntity } from './CatalogRefreshState';
