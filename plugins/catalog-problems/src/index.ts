/**
 * The Catalog problems page: catalog-info.yaml files and entities the catalog could not ingest.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export { catalogProblemsApiRef } from './api';
