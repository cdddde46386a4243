/**
 * Catalog change detection for the in-house backends: a PostgreSQL queue of changed entity refs per
 * consumer, the hash that tells a changed entity, and the loop that drains a consumer's queue.
 *
 * @packageDocumentation
 */
export * from './CatalogChanges';
export {
  DatabaseCatalogChanges,
  migrateCatalogChanges,
} from './DatabaseCatalogChanges';
export { catalogChangesServiceRef } from './catalogChangesService';
export { CatalogChangeConsumer } from './CatalogChangeConsumer';
export type {
  CatalogChangeConsumerOptions,
  HandledChanges,
} from './CatalogChangeConsumer';
export { entityContentHash, entityRefOf, relatedRefsOf } from './entityContent';
export { staleChanges, DEFAULT_SETTLE_MS } from './staleChanges';
export { filterChunks } from './filterChunks';
export { readAhead } from './readAhead';
