import { Entity } from '@backstage/catalog-model';
import { DEFAULT_LEVELS, DEFAULT_RULES } from './defaultRules';
import {
  activeExemption,
  exemptText,
  validateExemptionRequest,
} from './exemptions';
import { evaluateEntity } from './scoring';
import { ActiveExemption } from './types';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'bare', description: 'A library' },
  spec: {
    type: 'library',
    lifecycle: 'production',
    owner: 'group:default/web',
  },
};
const docs: ActiveExemption = {
  ruleId: 'has-techdocs',
  until: new Date('2026-03-01T00:00:00Z'),
  reason: 'Docs live in the wiki until the migration',
};
const at = (now: string) => ({
  now: new Date(now),
  ownerVerdict: () => ({ valid: true }),
  exemptions: () => [docs],
});

describe('exemptions', () => {
  it('leave an exempt rule out of the score until they end', () => {
    const during = evaluateEntity(
      entity,
      DEFAULT_RULES,
      DEFAULT_LEVELS,
      at('2026-02-01T00:00:00Z'),
    );
    const after = evaluateEntity(
      entity,
      DEFAULT_RULES,
      DEFAULT_LEVELS,
      at('2026-03-01T00:00:00Z'),
    );
    const techdocs = during.results.find(r => r.ruleId === 'has-techdocs')!;
    expect(techdocs).toEqual(
      expect.objectContaining({
        passed: false,
        exempt: {
          until: '2026-03-01T00:00:00.000Z',
          reason: 'Docs live in the wiki until the migration',
        },
      }),
    );
    expect(exemptText(techdocs.exempt!)).toBe(
      'exempt until 2026-03-01: Docs live in the wiki until the migration',
    );
    expect(during.totalWeight).toBe(after.totalWeight - 2);
    expect(during.score!).toBeGreaterThan(after.score!);
    expect(
      after.results.find(r => r.ruleId === 'has-techdocs')?.exempt,
    ).toBeUndefined();
  });

  it('pick the exemption in force for a rule', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(activeExemption([docs], 'has-techdocs', now)).toBe(docs);
    expect(activeExemption([docs], 'has-owner', now)).toBeUndefined();
    expect(
      activeExemption([docs], 'has-techdocs', new Date('2026-03-02')),
    ).toBeUndefined();
  });

  it('check a request, naming the field', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const rules = [{ id: 'has-techdocs' }];
    const ok = { ruleId: 'has-techdocs', reason: 'Wiki', until: '2026-02-01' };
    expect(validateExemptionRequest(ok, rules, now, 90)).toEqual(
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(() =>
      validateExemptionRequest({ ...ok, ruleId: 'nope' }, rules, now, 90),
    ).toThrow("Invalid field 'ruleId': no rule 'nope'");
    expect(() =>
      validateExemptionRequest({ ...ok, until: 'soon' }, rules, now, 90),
    ).toThrow("Invalid field 'until': 'soon' is not a date");
    expect(() =>
      validateExemptionRequest({ ...ok, until: '2025-12-01' }, rules, now, 90),
    ).toThrow("Invalid field 'until': must be in the future");
    expect(() =>
      validateExemptionRequest({ ...ok, until: '2026-06-01' }, rules, now, 90),
    ).toThrow("Invalid field 'until': at most 90 days ahead");
    expect(() =>
      validateExemptionRequest({ ...ok, reason: ' ' }, rules, now, 90),
    ).toThrow("Invalid field 'reason'");
  });
});
