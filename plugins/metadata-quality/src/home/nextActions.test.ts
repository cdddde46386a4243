import {
  DEFAULT_RULES,
  EntityScore,
} from '@internal/plugin-metadata-quality-common';
import { nextActions } from './nextActions';

function score(
  name: string,
  value: number,
  failing: Array<{ ruleId: string; message?: string }>,
): EntityScore {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    score: value,
    level: null,
    failingRules: failing.map(f => f.ruleId),
    results: [
      { ruleId: 'has-description', passed: true, weight: 2 },
      ...failing.map(f => ({
        ruleId: f.ruleId,
        passed: false,
        weight: 1,
        message: f.message,
      })),
    ],
    evaluatedAt: '2026-11-27T00:00:00Z',
    changedAt: '2026-11-27T00:00:00Z',
  };
}

describe('nextActions', () => {
  it('puts failing owner checks first, then the lowest scores, and skips entities with nothing to fix', () => {
    const actions = nextActions(
      [
        score('low', 20, [
          { ruleId: 'has-dashboard' },
          { ruleId: 'has-techdocs' },
        ]),
        score('fine', 100, []),
        score('orphan', 80, [
          { ruleId: 'has-runbook' },
          {
            ruleId: 'owner-valid',
            message: "Owner 'user:default/martin' has left",
          },
        ]),
      ],
      DEFAULT_RULES,
    );
    expect(
      actions.map(a => [a.entity.name, a.rule.id, a.ownerProblem, a.message]),
    ).toEqual([
      ['orphan', 'owner-valid', true, "Owner 'user:default/martin' has left"],
      // Has TechDocs weighs more than the dashboard link.
      ['low', 'has-techdocs', false, undefined],
    ]);
  });

  it('ignores results of rules that are no longer configured', () => {
    expect(
      nextActions([score('a', 10, [{ ruleId: 'gone' }])], DEFAULT_RULES),
    ).toEqual([]);
  });
});
