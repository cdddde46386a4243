/**
 * Finding types, permissions and the pure ownership check of the owner-validation plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './checkOwners';
export * from './ownerRefs';
export { isMarkedDeparted, DEFAULT_DEPARTED_MARKER_KEY } from './OrgGraph';
export * from './findingTitles';
export * from './config';
export { OwnerValidationClient } from './schema/openapi/generated';
export type {
  CheckRun,
  CheckSummary,
  CheckEntitiesRequest,
} from './schema/openapi/generated';
