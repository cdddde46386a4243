import { Entity } from '@backstage/catalog-model';
import { DEFAULT_LEVELS, DEFAULT_RULES } from './defaultRules';
import { evaluateEntity, levelFor, ruleApplies, scoreOf } from './scoring';
import { QualityRule } from './types';

const context = { now: new Date(), isValidOwner: () => true };

describe('scoring', () => {
  it('weighs passed rules over applicable rules', () => {
    expect(
      scoreOf([
        { ruleId: 'a', passed: true, weight: 3 },
        { ruleId: 'b', passed: false, weight: 1 },
      ]),
    ).toBe(75);
    expect(scoreOf([])).toBeNull();
  });

  it('picks the highest level reached', () => {
    expect(levelFor(95, DEFAULT_LEVELS)).toBe('Gold');
    expect(levelFor(75, DEFAULT_LEVELS)).toBe('Silver');
    expect(levelFor(49.9, DEFAULT_LEVELS)).toBeNull();
    expect(levelFor(null, DEFAULT_LEVELS)).toBeNull();
  });

  it('applies rules by kind, type and lifecycle, case-insensitively', () => {
    const rule: QualityRule = {
      id: 'x',
      title: 'x',
      appliesTo: { kinds: ['component'], lifecycles: ['production'] },
      check: { type: 'ownerValid' },
      weight: 1,
      howToFix: 'x',
    };
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a' },
      spec: { lifecycle: 'production' },
    };
    expect(ruleApplies(rule, entity)).toBe(true);
    expect(
      ruleApplies(rule, { ...entity, spec: { lifecycle: 'experimental' } }),
    ).toBe(false);
    expect(ruleApplies(rule, { ...entity, kind: 'API' })).toBe(false);
  });

  it('scores an entity with the default rules', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'bare' },
      spec: { type: 'library', lifecycle: 'experimental', owner: 'team' },
    };
    const result = evaluateEntity(
      entity,
      DEFAULT_RULES,
      DEFAULT_LEVELS,
      context,
    );
    // has-owner 3, owner-valid 3, lifecycle-known 1, recently-changed 1 pass;
    // has-description 2, part-of-system 2, has-techdocs 2, has-source-location 1 fail.
    expect(result.totalWeight).toBe(15);
    expect(result.passedWeight).toBe(8);
    expect(result.score).toBe(53.3);
    expect(result.level).toBe('Bronze');
    expect(result.results.filter(r => !r.passed).map(r => r.ruleId)).toEqual([
      'has-description',
      'part-of-system',
      'has-techdocs',
      'has-source-location',
    ]);
  });

  it('gives no score when no rule applies', () => {
    const user: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'u' },
      spec: {},
    };
    expect(
      evaluateEntity(user, DEFAULT_RULES, DEFAULT_LEVELS, context),
    ).toEqual({
      score: null,
      level: null,
      passedWeight: 0,
      totalWeight: 0,
      results: [],
    });
  });
});
