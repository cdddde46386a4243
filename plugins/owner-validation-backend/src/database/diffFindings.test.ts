import type { OwnerFinding } from '@internal/plugin-owner-validation-common';
import { diffFindings } from './diffFindings';
import { detailColumns, FindingRow } from './findingRows';

function finding(name: string, message = 'No owner'): OwnerFinding {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    type: 'missingOwner',
    severity: 'error',
    message,
  };
}

function rowOf(id: number, f: OwnerFinding): FindingRow {
  return {
    id,
    entity_ref: f.entityRef,
    finding_type: f.type,
    ...detailColumns(f),
    first_seen: '2026-01-01T00:00:00Z',
    last_seen: '2026-01-01T00:00:00Z',
    resolved_at: null,
    notified_at: null,
  };
}

describe('diffFindings', () => {
  it('sorts findings into added, unchanged, changed and resolved', () => {
    const rows = [
      rowOf(1, finding('same')),
      rowOf(2, finding('reworded')),
      rowOf(3, finding('fixed')),
    ];
    const diff = diffFindings(rows, [
      finding('same'),
      finding('reworded', 'Owner is not a team'),
      finding('new'),
    ]);
    expect(diff.added.map(a => a.finding.name)).toEqual(['new']);
    expect(diff.unchangedIds).toEqual([1]);
    expect(diff.changed).toEqual([
      {
        id: 2,
        details: expect.objectContaining({ message: 'Owner is not a team' }),
      },
    ]);
    expect(diff.resolvedIds).toEqual([3]);
  });
});
