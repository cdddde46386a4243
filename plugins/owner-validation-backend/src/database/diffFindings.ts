import type { OwnerFinding } from '@internal/plugin-owner-validation-common';
import {
  DetailColumns,
  detailColumns,
  FindingRow,
  sameDetails,
} from './findingRows';

/** How a run's findings differ from the open rows, matched by entity and finding type. */
export interface FindingsDiff {
  /** Findings with no open row. */
  added: Array<{ finding: OwnerFinding; details: DetailColumns }>;
  /** Open rows seen again with the same details. */
  unchangedIds: Array<string | number>;
  /** Open rows seen again with other details. */
  changed: Array<{ id: string | number; details: DetailColumns }>;
  /** Open rows the run did not report. */
  resolvedIds: Array<string | number>;
}

const keyOf = (entityRef: string, type: string) => `${entityRef}\0${type}`;

/** Compares the open rows with a run's findings. */
export function diffFindings(
  openRows: FindingRow[],
  findings: OwnerFinding[],
): FindingsDiff {
  const open = new Map(
    openRows.map(row => [keyOf(row.entity_ref, row.finding_type), row]),
  );
  const diff: FindingsDiff = {
    added: [],
    unchangedIds: [],
    changed: [],
    resolvedIds: [],
  };
  for (const finding of findings) {
    const key = keyOf(finding.entityRef, finding.type);
    const details = detailColumns(finding);
    const row = open.get(key);
    if (!row) {
      diff.added.push({ finding, details });
      continue;
    }
    open.delete(key);
    if (sameDetails(row, details)) {
      diff.unchangedIds.push(row.id);
    } else {
      diff.changed.push({ id: row.id, details });
    }
  }
  diff.resolvedIds = [...open.values()].map(row => row.id);
  return diff;
}
