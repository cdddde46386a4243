import { checkFixPlan, ownerEdits } from './checkFixes';
import { evaluateEntity } from './scoring';
import { CheckContext, QualityRule } from './types';
import {
  defaultRule as rule,
  ledgerWriter,
} from './__testUtils__/ledgerWriter';

const service = ledgerWriter();

const knowing: CheckContext = {
  now: new Date('2026-12-01T00:00:00Z'),
  ownerVerdict: () => ({
    valid: false,
    suggestedOwner: 'group:finance/ledger-team',
  }),
  facts: () => ({
    suggestedSystemRef: 'system:finance/bookkeeping',
    suggestedApiRefs: ['api:finance/ledger-writer-api'],
  }),
};
const ignorant: CheckContext = {
  now: knowing.now,
  ownerVerdict: () => ({ valid: false }),
};

describe('checkFixPlan', () => {
  it('gives the edits the portal can apply as they are, as data', () => {
    expect(checkFixPlan(rule('owner-valid'), service, knowing)).toMatchObject({
      edits: [{ type: 'set', path: 'spec.owner', value: 'ledger-team' }],
      mechanical: true,
    });
    expect(
      checkFixPlan(rule('part-of-system'), service, knowing),
    ).toMatchObject({
      edits: [{ type: 'set', path: 'spec.system', value: 'bookkeeping' }],
      mechanical: true,
    });
    const lifecycle: QualityRule = {
      id: 'lifecycle',
      title: 'Lifecycle',
      weight: 1,
      howToFix: '',
      check: {
        type: 'fieldMatches',
        path: 'spec.lifecycle',
        oneOf: ['experimental', 'production', 'deprecated'],
      },
    };
    expect(checkFixPlan(lifecycle, service, knowing)).toMatchObject({
      edits: [{ type: 'set', path: 'spec.lifecycle', value: 'production' }],
      mechanical: true,
    });
    const source: QualityRule = {
      ...lifecycle,
      check: {
        type: 'annotationPresent',
        annotation: 'backstage.io/source-location',
      },
    };
    expect(checkFixPlan(source, service, knowing)).toMatchObject({
      edits: [
        {
          type: 'annotation',
          annotation: 'backstage.io/source-location',
          value: 'url:https://git.example.com/finance/ledger/blob/main/',
        },
      ],
      mechanical: true,
    });
    const api: QualityRule = {
      ...lifecycle,
      check: { type: 'relationPresent', relation: 'providesApi' },
    };
    expect(checkFixPlan(api, service, knowing)).toMatchObject({
      edits: [
        {
          type: 'add',
          path: 'spec.providesApis',
          values: ['ledger-writer-api'],
        },
      ],
      mechanical: true,
    });
  });

  it('marks fixes with a value for a person to fill in as not mechanical', () => {
    const owner = checkFixPlan(rule('owner-valid'), service, ignorant);
    expect(owner.mechanical).toBe(false);
    expect(owner.edits?.[0]).toMatchObject({ path: 'spec.owner' });
    expect(
      checkFixPlan(rule('part-of-system'), service, ignorant).mechanical,
    ).toBe(false);
  });

  it('writes the owner edit of a suggestion as the file writes refs', () => {
    expect(ownerEdits(service, 'group:finance/ledger-team')).toEqual([
      { type: 'set', path: 'spec.owner', value: 'ledger-team' },
    ]);
    expect(ownerEdits(service, 'group:default/platform')).toEqual([
      { type: 'set', path: 'spec.owner', value: 'group:default/platform' },
    ]);
  });
});

describe('evaluateEntity', () => {
  it('serves the edits of a failing rule only when they can be applied as they are', () => {
    const rules = [rule('owner-valid'), rule('part-of-system')];
    const known = evaluateEntity(service, rules, [], knowing).results;
    expect(known.every(r => !r.passed && r.edits?.length === 1)).toBe(true);
    const unknown = evaluateEntity(service, rules, [], ignorant).results;
    expect(unknown.every(r => !r.passed && r.edits === undefined)).toBe(true);
  });
});
