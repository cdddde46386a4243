/**
 * Edits of catalog-info.yaml as YAML documents, unified diffs, the change request API's client and
 * the permissions of the catalog fixes plugin.
 *
 * @packageDocumentation
 */
export { editCatalogInfo } from './editCatalogInfo';
export { sameEntity } from './editedEntity';
export { unifiedDiff } from './unifiedDiff';
export * from './permissions';
export * from './handovers';
// The HTTP API's client and its types, generated from the backend's OpenAPI document.
export { CatalogFixesClient } from './schema/openapi/generated';
export type {
  ChangeRequest,
  ChangeRequestEntity,
  AcceptResult,
  Acceptance,
  Fix,
  Handover,
  HandoverEntity,
  HandoverFix,
  HandoverProgress,
  Preview,
  Proposal,
  Target,
} from './schema/openapi/generated';
