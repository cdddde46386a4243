/**
 * Strict owner validation for the catalog.
 *
 * @packageDocumentation
 */
export { catalogModuleOwnerValidation as default } from './module';
export { StrictOwnerProcessor } from './StrictOwnerProcessor';
