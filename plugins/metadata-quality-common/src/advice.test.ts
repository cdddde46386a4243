import { createHash } from 'node:crypto';
import {
  ADVICE_FORMAT,
  adviceFor,
  adviceOfPlan,
  fillPlaceholders,
  fixFor,
} from './advice';
import { checkFixPlan } from './checkFixes';
import { DEFAULT_RULES } from './defaultRules';
import { writeAdvice, yamlOf } from './entityYaml';
import { nearestValue } from './nearestValue';
import { CheckContext, QualityRule } from './types';
import {
  defaultRule as rule,
  ledgerWriter,
} from './__testUtils__/ledgerWriter';

const service = ledgerWriter({
  title: 'Ledger Writer',
  links: [{ url: 'https://wiki.example/ledger', title: 'Wiki' }],
});

const context: CheckContext = {
  now: new Date('2026-12-01T00:00:00Z'),
  ownerVerdict: () => ({
    valid: false,
    message: "Owner 'user:finance/dora' is a person, not a team",
    suggestedOwner: 'group:finance/ledger-team',
  }),
  facts: () => ({
    suggestedSystemRef: 'system:finance/bookkeeping',
    suggestedSystemReason: 'the only system its owner owns',
    suggestedApiRefs: ['api:finance/ledger-writer-api'],
  }),
};

describe('fixFor', () => {
  it("writes the owner fix from owner validation's suggestion, in the entity's own document", () => {
    const fix = fixFor(rule('owner-valid'), service, context);
    expect(fix).toContain(
      'Owner validation suggests `group:finance/ledger-team`',
    );
    expect(fix).toContain(
      [
        '```yaml',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: ledger-writer',
        '  namespace: finance',
        'spec:',
        '  owner: ledger-team',
        '```',
      ].join('\n'),
    );
    expect(fix).not.toContain('payments');
  });

  it('names the inferred system and APIs, and why', () => {
    const system = fixFor(rule('part-of-system'), service, context);
    expect(system).toContain(
      '`system:finance/bookkeeping` (the only system its owner owns)',
    );
    expect(system).toContain('  system: bookkeeping');
    const api = fixFor(rule('provides-api'), service, context);
    expect(api).toContain('`api:finance/ledger-writer-api`');
    expect(api).toContain('  providesApis:\n    - ledger-writer-api');
  });

  it('says when nothing can be inferred, still about this entity', () => {
    const bare: CheckContext = {
      now: context.now,
      ownerVerdict: () => ({ valid: false }),
    };
    expect(fixFor(rule('owner-valid'), service, bare)).toContain(
      'no team can be inferred for Ledger Writer',
    );
    expect(fixFor(rule('part-of-system'), service, bare)).toContain(
      'system: <system Ledger Writer is part of>',
    );
  });

  it('corrects a lifecycle to the nearest known stage', () => {
    const fix = fixFor(rule('lifecycle-known'), service, context);
    expect(fix).toContain("spec.lifecycle is 'prod'.");
    expect(fix).toContain('  lifecycle: production');
    expect(nearestValue('Experimental', ['experimental', 'production'])).toBe(
      'experimental',
    );
    expect(
      nearestValue('beta', ['experimental', 'production', 'deprecated']),
    ).toBe('experimental');
  });

  it('infers the source location from the file the entity is read from', () => {
    expect(fixFor(rule('has-source-location'), service, context)).toContain(
      'backstage.io/source-location: url:https://git.example.com/finance/ledger/blob/main/',
    );
  });

  it('keeps the existing links and adds the missing one', () => {
    const fix = fixFor(rule('has-runbook'), service, context);
    expect(fix).toContain('title: Wiki');
    expect(fix).toContain('url: <address of the runbook of ledger-writer>');
    expect(fix).toContain('title: Runbook');
  });

  it('tells missing docs from docs being built or failed', () => {
    const noDocs = fixFor(rule('has-techdocs'), service, context);
    expect(noDocs).toContain('site_name: Ledger Writer');
    expect(noDocs).toContain('backstage.io/techdocs-ref: dir:.');
    const withDocs = {
      ...service,
      metadata: {
        ...service.metadata,
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      },
    };
    expect(
      fixFor(rule('has-techdocs'), withDocs, {
        ...context,
        docsState: () => ({ state: 'building' }),
      }),
    ).toContain('the portal builds the docs of ledger-writer by itself');
    expect(
      fixFor(rule('has-techdocs'), withDocs, {
        ...context,
        docsState: () => ({ state: 'failed', reason: 'x' }),
      }),
    ).toContain('Fix the error in the mkdocs.yml or docs/ of ledger-writer');
  });

  it("follows a configured rule's own advice with the entity's values", () => {
    const custom: QualityRule = {
      id: 'has-pager',
      title: 'Has a pager',
      check: {
        type: 'annotationPresent',
        annotation: 'pagerduty.com/service-id',
      },
      weight: 1,
      howToFix:
        'Ask #oncall to create a PagerDuty service for {title} ({ref}).',
    };
    const fix = fixFor(custom, service, context);
    expect(fix).toContain(
      'pagerduty.com/service-id: <pagerduty.com/service-id of ledger-writer>',
    );
    expect(fix).toContain(
      'Ask #oncall to create a PagerDuty service for Ledger Writer (component:finance/ledger-writer).',
    );
    expect(fillPlaceholders('{unknown} {name}', service)).toBe(
      '{unknown} ledger-writer',
    );
  });
});

describe('adviceFor', () => {
  it('keeps the YAML as data until the advice is written', () => {
    const advice = adviceFor(rule('owner-valid'), service, context);
    expect(advice).toContainEqual(
      yamlOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'ledger-writer', namespace: 'finance' },
        spec: { owner: 'ledger-team' },
      }),
    );
    expect(writeAdvice(advice)).toBe(
      fixFor(rule('owner-valid'), service, context),
    );
    expect(JSON.parse(JSON.stringify(advice))).toEqual(advice);
  });
});

describe('writeAdvice', () => {
  it('writes a document read again the same, from what it kept', () => {
    const advice = adviceFor(rule('owner-valid'), service, context);
    const first = writeAdvice(advice);
    expect(writeAdvice(JSON.parse(JSON.stringify(advice)))).toBe(first);
    // Thousands of other documents later it is written again, the same.
    for (let i = 0; i < 6000; i++) {
      writeAdvice([yamlOf({ metadata: { name: `other-${i}` } })]);
    }
    expect(writeAdvice(advice)).toBe(first);
  });
});

describe('ADVICE_FORMAT', () => {
  it('moves with the advice written from the same rule, entity and plan', () => {
    // Stored scores hash their plans, not their advice. When this fails, the advice written from an
    // unchanged plan changed: raise ADVICE_FORMAT in advice.ts (stored rows are then rewritten with
    // the new advice at the next evaluation) and pin the new hash and format here. A change of the
    // plans' own wording moves it too; raising the format then costs one rewrite of the rows.
    const bare = ledgerWriter();
    const written = DEFAULT_RULES.map(r =>
      adviceOfPlan(r, bare, checkFixPlan(r, bare, context)),
    );
    const hash = createHash('sha256')
      .update(JSON.stringify(written))
      .digest('base64url');
    expect({ ADVICE_FORMAT, hash }).toEqual({
      ADVICE_FORMAT: 1,
      hash: 'MXSHQI9AE4NStlNU2etkgBpQodUtc8Xx8MM34dXbvWI',
    });
  });
});
