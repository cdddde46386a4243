import { ownerFindingTypeValues } from './schema/openapi/generated';

/** The problems the ownership check reports (the `OwnerFindingType` values of the HTTP contract). */
export const OWNER_FINDING_TYPES = ownerFindingTypeValues;

/** One kind of ownership problem. */
export type OwnerFindingType = (typeof OWNER_FINDING_TYPES)[number];

/** How serious a finding is. */
export type OwnerFindingSeverity = 'error' | 'warning';

/** A severity as configured; `off` disables the finding type. */
export type OwnerFindingSeveritySetting = OwnerFindingSeverity | 'off';

/** The kinds whose `spec.owner` is checked. */
export const OWNED_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Template',
] as const;

// The HTTP contract's types come from plugins/owner-validation-backend/src/schema/openapi.yaml.
export type {
  CheckEntitiesResponse,
  EntityFindingsResponse,
  FindingsListResponse,
  FindingsSummary,
  OwnerFinding,
  StoredOwnerFinding,
} from './schema/openapi/generated';

/**
 * The reason owner validation queues, for metadata quality, an entity whose open owner findings
 * changed (`@internal/backend-catalog-changes`): metadata quality then reads the findings again.
 */
export const OWNER_FINDINGS_CHANGED_REASON = 'owner-finding';
