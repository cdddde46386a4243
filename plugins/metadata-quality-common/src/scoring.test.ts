import { Entity } from '@backstage/catalog-model';
import { DEFAULT_LEVELS, DEFAULT_RULES } from './defaultRules';
import { evaluateEntity, levelFor, ruleApplies, scoreOf } from './scoring';
import { QualityRule } from './types';

const context = { now: new Date(), ownerVerdict: () => ({ valid: true }) };

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

describe('an open owner error', () => {
  // Entities of every scored kind that pass every other built-in rule.
  const complete = (kind: string, spec: Record<string, unknown>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: `${kind.toLocaleLowerCase('en-US')}-a`,
      description: 'Does one thing well.',
      annotations: {
        'backstage.io/techdocs-ref': 'dir:.',
        'backstage.io/source-location': 'url:https://git.example/a/',
      },
      links: [
        { url: 'https://r.example', title: 'Runbook' },
        { url: 'https://d.example', title: 'Dashboard', type: 'dashboard' },
      ],
    },
    spec: { owner: 'group:default/payments', ...spec },
  });
  const entities = [
    complete('Component', {
      type: 'service',
      lifecycle: 'production',
      system: 'shop',
      providesApis: ['a-api'],
    }),
    complete('API', {
      type: 'openapi',
      lifecycle: 'production',
      system: 'shop',
    }),
    complete('Resource', { type: 'database', system: 'shop' }),
    complete('System', {}),
    complete('Domain', {}),
  ];
  const valid = { now: new Date(), ownerVerdict: () => ({ valid: true }) };
  const broken = {
    now: new Date(),
    ownerVerdict: () => ({
      valid: false,
      message: "Owner 'user:default/bob' has left",
    }),
  };

  it.each(entities.map(e => [e.kind, e] as const))(
    'keeps a %s that is Gold otherwise below Gold',
    (_kind, entity) => {
      expect(
        evaluateEntity(entity, DEFAULT_RULES, DEFAULT_LEVELS, valid).level,
      ).toBe('Gold');
      const result = evaluateEntity(
        entity,
        DEFAULT_RULES,
        DEFAULT_LEVELS,
        broken,
      );
      expect(result.level).not.toBe('Gold');
      expect(
        result.results.find(r => r.ruleId === 'owner-valid'),
      ).toMatchObject({
        passed: false,
        message: "Owner 'user:default/bob' has left",
      });
    },
  );
});
