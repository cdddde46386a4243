import type {
  OwnerFinding,
  OwnerFindingSeverity,
  OwnerFindingType,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';
import { iso } from './tables';

/** A row of the findings table. */
export interface FindingRow {
  id: string | number;
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  finding_type: string;
  severity: string;
  owner: string | null;
  owner_ref: string | null;
  suggested_owner: string | null;
  team: string | null;
  message: string;
  first_seen: Date | string;
  last_seen: Date | string;
  resolved_at: Date | string | null;
  notified_at: Date | string | null;
}

/** A stored finding from its row. */
export function toFinding(row: FindingRow): StoredOwnerFinding {
  const finding: StoredOwnerFinding = {
    id: Number(row.id),
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    type: row.finding_type as OwnerFindingType,
    severity: row.severity as OwnerFindingSeverity,
    message: row.message,
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
  };
  if (row.title !== null) finding.title = row.title;
  if (row.owner !== null) finding.owner = row.owner;
  if (row.owner_ref !== null) finding.ownerRef = row.owner_ref;
  if (row.suggested_owner !== null)
    finding.suggestedOwner = row.suggested_owner;
  if (row.team !== null) finding.team = row.team;
  if (row.resolved_at !== null) finding.resolvedAt = iso(row.resolved_at);
  if (row.notified_at !== null) finding.notifiedAt = iso(row.notified_at);
  return finding;
}

/** The columns of a finding that may change while it stays open. */
export function detailColumns(finding: OwnerFinding) {
  return {
    kind: finding.kind,
    namespace: finding.namespace,
    name: finding.name,
    title: finding.title ?? null,
    severity: finding.severity,
    owner: finding.owner ?? null,
    owner_ref: finding.ownerRef ?? null,
    suggested_owner: finding.suggestedOwner ?? null,
    team: finding.team ?? null,
    message: finding.message,
  };
}

/** What {@link detailColumns} returns. */
export type DetailColumns = ReturnType<typeof detailColumns>;

/** Whether the row already holds these details. */
export function sameDetails(row: FindingRow, next: DetailColumns): boolean {
  return (Object.keys(next) as Array<keyof DetailColumns>).every(
    key => (row[key] ?? null) === next[key],
  );
}
