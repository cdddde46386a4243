/** The problems the ownership check reports. */
export const OWNER_FINDING_TYPES = [
  'missingOwner',
  'invalidOwnerRef',
  'ownerNotFound',
  'ownerRefused',
  'departedUser',
  'emptyGroup',
  'userOwner',
] as const;

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

/** An ownership problem of one entity, as computed by the check. */
export interface OwnerFinding {
  /** The entity with the problem, e.g. `component:default/foo` (lower case). */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  /** The entity's title, if any, for display. */
  title?: string;
  type: OwnerFindingType;
  severity: OwnerFindingSeverity;
  /** The owner as written in `spec.owner`, if it was a string. */
  owner?: string;
  /** The owner as a full entity reference, when it could be parsed. */
  ownerRef?: string;
  /** A sentence explaining the problem. */
  message: string;
  /** A group that could own the entity instead, when one can be inferred. */
  suggestedOwner?: string;
  /** The group last known to be responsible, used to group findings. */
  team?: string;
}

/** A finding as stored by the backend, with its history. */
export interface StoredOwnerFinding extends OwnerFinding {
  id: number;
  firstSeen: string;
  lastSeen: string;
  resolvedAt?: string;
  notifiedAt?: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/findings`. */
export interface EntityFindingsResponse {
  entityRef: string;
  findings: StoredOwnerFinding[];
}

/** Response of `GET /findings`. */
export interface FindingsListResponse {
  items: StoredOwnerFinding[];
  totalCount: number;
  limit: number;
  offset: number;
}

/** Response of `GET /summary`. */
export interface FindingsSummary {
  total: number;
  byType: Partial<Record<OwnerFindingType, number>>;
  bySeverity: Partial<Record<OwnerFindingSeverity, number>>;
  byKind: Record<string, number>;
  byTeam: Array<{ team: string | null; count: number }>;
  lastRun?: {
    finishedAt: string;
    entityCount: number;
    findingCount: number;
  };
}

/** Response of `POST /check`: the findings of each submitted entity, in request order. */
export interface CheckEntitiesResponse {
  items: Array<{ entityRef: string; findings: OwnerFinding[] }>;
}
