/**
 * Owner validation frontend: the Ownership page and the owner warning card.
 *
 * @packageDocumentation
 */
export { default, catalogImportOwnerCheckModule } from './plugin';
export { ownerValidationApiRef } from './api';
