/**
 * Feeds the catalog change queue of `@internal/backend-catalog-changes`.
 *
 * @packageDocumentation
 */
export { catalogModuleCatalogChanges as default } from './module';
export { CatalogChangesProcessor } from './CatalogChangesProcessor';
export { DeletionCheck } from './DeletionCheck';
