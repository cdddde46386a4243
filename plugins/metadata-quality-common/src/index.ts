/**
 * Rules, checks, scoring and the permission of the metadata quality plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './entityPath';
export * from './entityRefs';
export * from './checks';
export * from './advice';
export { writeAdvice, yamlOf } from './entityYaml';
export * from './entityEdits';
export { isDeepStrictEqual } from './deepEqual';
export { checkFixPlan, ownerEdits } from './checkFixes';
export type { CheckFixPlan } from './checkFixes';
export * from './nearestValue';
export * from './scoring';
export * from './ownerVerdict';
export * from './defaultRules';
export * from './verification';
export * from './exemptions';
export * from './initiatives';
export * from './initiativeInput';
export * from './validation';
export * from './permissions';
// The HTTP API's client and its response types, generated from the backend's OpenAPI document.
export { MetadataQualityClient } from './schema/openapi/generated';
export type {
  EntityScore,
  EvaluationRun,
  EvaluationSummary,
  GroupSummary,
  HistoryPoint,
  QualitySummary,
  RuleResult,
} from './schema/openapi/generated';
/** A confirmation as the API serves it (`confirmedAt` an ISO 8601 string). */
export type {
  Confirmation as EntityConfirmation,
  GroupConfirmation,
  Exemption,
} from './schema/openapi/generated';
/** Initiatives as the API serves them (times as ISO 8601 strings). */
export type {
  Initiative,
  InitiativeEntity,
  InitiativeProgress,
  InitiativeProgressPoint,
  InitiativeTeam,
  InitiativeInput as InitiativeRequest,
} from './schema/openapi/generated';
/** A quality rule as `GET /rules` serves it (the check's own fields are not typed per check). */
export type { Rule as ServedQualityRule } from './schema/openapi/generated';
