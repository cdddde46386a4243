import { DEFAULT_RULES } from './defaultRules';
import { mergeRules, parseLevels, parseRules } from './validation';

const valid = {
  id: 'has-pagerduty',
  title: 'Has PagerDuty',
  appliesTo: { kinds: ['Component'], lifecycles: ['production'] },
  check: { type: 'annotationPresent', annotation: 'pagerduty.com/service-id' },
  weight: 2,
  howToFix: 'Add the annotation',
};

describe('parseRules', () => {
  it('reads valid rules', () => {
    expect(parseRules([valid])).toEqual([valid]);
    expect(parseRules(undefined)).toEqual([]);
  });

  it('names the rule and field of an unknown check type', () => {
    const rules = [
      valid,
      { ...valid, id: 'b' },
      { ...valid, id: 'c', check: { type: 'foo' } },
    ];
    expect(() => parseRules(rules)).toThrow(
      "metadataQuality.rules[2].check.type: unknown check type 'foo'; use one of fieldPresent, fieldMatches, annotationPresent, relationPresent, systemPresent, ownerValid, techdocsPresent, linkPresent, freshness",
    );
  });

  it('names missing and malformed fields', () => {
    expect(() => parseRules([{ ...valid, weight: 'heavy' }])).toThrow(
      'metadataQuality.rules[0].weight: must be a number of at least 0',
    );
    expect(() =>
      parseRules([{ ...valid, check: { type: 'fieldPresent' } }]),
    ).toThrow(
      'metadataQuality.rules[0].check.path: must be a non-empty string',
    );
    expect(() =>
      parseRules([
        { ...valid, check: { type: 'fieldMatches', path: 'a', pattern: '(' } },
      ]),
    ).toThrow(
      /metadataQuality.rules\[0\].check.pattern: is not a regular expression/,
    );
    expect(() => parseRules([valid, valid])).toThrow(
      "metadataQuality.rules[1].id: duplicate rule id 'has-pagerduty'",
    );
    expect(() =>
      parseRules([{ ...valid, appliesTo: { kind: ['Component'] } }]),
    ).toThrow('metadataQuality.rules[0].appliesTo.kind: unknown key');
    const { howToFix, ...noFix } = valid;
    expect(() => parseRules([noFix])).toThrow(
      'metadataQuality.rules[0].howToFix: must be a non-empty string',
    );
  });

  it('replaces defaults by id and adds new rules', () => {
    const merged = mergeRules(DEFAULT_RULES, [
      { ...DEFAULT_RULES[0], weight: 10 },
      ...parseRules([valid]),
    ]);
    expect(merged).toHaveLength(DEFAULT_RULES.length + 1);
    expect(merged[0].weight).toBe(10);
  });

  it('reads the default rules back', () => {
    expect(parseRules(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });
});

describe('parseLevels', () => {
  it('sorts levels and rejects bad ones', () => {
    expect(
      parseLevels([
        { name: 'Gold', minScore: 90 },
        { name: 'Bronze', minScore: 50 },
      ]).map(l => l.name),
    ).toEqual(['Bronze', 'Gold']);
    expect(() => parseLevels([{ name: 'Max', minScore: 120 }])).toThrow(
      'metadataQuality.levels[0].minScore: must be at most 100',
    );
  });
});
