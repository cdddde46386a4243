import { ScoreRow } from '../database/QualityStore';

/**
 * The score row of component `name` owned by group `owner`: 50, half its rule weight passed, no
 * level, changed on 2026-01-01; `extra` overrides.
 */
export function scoreRow(
  name: string,
  owner: string,
  extra: Partial<ScoreRow> = {},
): ScoreRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    ownerRef: `group:default/${owner}`,
    score: 50,
    level: null,
    passedWeight: 1,
    totalWeight: 2,
    results: [],
    changedAt: new Date('2026-01-01T00:00:00Z'),
    ...extra,
  };
}
