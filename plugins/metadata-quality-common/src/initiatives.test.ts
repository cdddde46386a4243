import { Entity } from '@backstage/catalog-model';
import { DEFAULT_LEVELS, DEFAULT_RULES } from './defaultRules';
import { validateInitiative } from './initiativeInput';
import {
  createInitiativeChecker,
  daysLeft,
  initiativeStatus,
  initiativeTargets,
} from './initiatives';
import { evaluateEntity } from './scoring';

function service(
  name: string,
  spec: Record<string, string>,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...metadata },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

const context = { now: new Date(), ownerVerdict: () => ({ valid: true }) };

// "Every production service has an on-call link by March", with the portal's TechDocs rule.
const onCall = validateInitiative(
  {
    title: 'On-call links',
    ruleIds: ['has-techdocs'],
    rules: [
      {
        id: 'has-oncall-link',
        title: 'Has an on-call link',
        check: { type: 'linkPresent', match: 'on-?call' },
      },
    ],
    target: { kinds: ['component'], lifecycles: ['production'] },
    startsAt: '2026-01-01',
    deadline: '2026-03-01',
  },
  DEFAULT_RULES,
);

function outcomes(entity: Entity, exempt = false) {
  const evaluation = evaluateEntity(entity, DEFAULT_RULES, DEFAULT_LEVELS, {
    ...context,
    exemptions: () =>
      exempt
        ? [
            {
              ruleId: 'has-techdocs',
              until: new Date(Date.now() + 86400_000),
              reason: 'wiki',
            },
          ]
        : [],
  });
  return createInitiativeChecker([{ id: 7, ...onCall }]).check(
    entity,
    evaluation.results,
    context,
  );
}

describe('initiatives', () => {
  it('target entities by kind, type, lifecycle, tag and owner', () => {
    const entity = service(
      'pay',
      { owner: 'payments' },
      { tags: ['pci', 'java'] },
    );
    expect(initiativeTargets({}, entity)).toBe(true);
    expect(
      initiativeTargets(
        {
          kinds: ['Component'],
          types: ['service'],
          lifecycles: ['production'],
          tags: ['PCI'],
          owners: ['group:default/payments'],
        },
        entity,
      ),
    ).toBe(true);
    expect(initiativeTargets({ tags: ['go'] }, entity)).toBe(false);
    expect(initiativeTargets({ owners: ['group:default/web'] }, entity)).toBe(
      false,
    );
    expect(initiativeTargets({ lifecycles: ['experimental'] }, entity)).toBe(
      false,
    );
  });

  it("fail an entity on the portal's rules and their own, checked alike", () => {
    expect(outcomes(service('bare', {}))).toEqual({
      '7': ['has-techdocs', 'has-oncall-link'],
    });
    const ready = service(
      'ready',
      {},
      {
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
        links: [{ url: 'https://pager.example', title: 'On-call' }],
      },
    );
    expect(outcomes(ready)).toEqual({ '7': [] });
  });

  it('count an exempt rule as not failing', () => {
    expect(outcomes(service('bare', {}), true)).toEqual({
      '7': ['has-oncall-link'],
    });
  });

  it('leave out entities outside the target', () => {
    expect(
      outcomes(service('old', { lifecycle: 'experimental' })),
    ).toBeUndefined();
  });

  it('count days left and the status against the clock', () => {
    const at = (t: string) => new Date(t);
    expect(initiativeStatus(onCall, at('2025-12-31T23:00:00Z'))).toBe(
      'upcoming',
    );
    expect(initiativeStatus(onCall, at('2026-02-27T12:00:00Z'))).toBe(
      'running',
    );
    expect(daysLeft(onCall.deadline, at('2026-02-27T12:00:00Z'))).toBe(3);
    expect(initiativeStatus(onCall, at('2026-03-02T00:00:00Z'))).toBe('ended');
    expect(daysLeft(onCall.deadline, at('2026-03-02T00:00:00Z'))).toBe(0);
  });
});

describe('validateInitiative', () => {
  const valid = {
    title: 'Docs',
    ruleIds: ['has-techdocs'],
    startsAt: '2026-01-01',
    deadline: '2026-02-01',
  };
  const problem = (input: Partial<typeof valid> & Record<string, unknown>) => {
    try {
      validateInitiative({ ...valid, ...input } as any, DEFAULT_RULES);
    } catch (e) {
      return (e as Error).message;
    }
    return undefined;
  };

  it('reads days as the start of the first and the end of the last', () => {
    const initiative = validateInitiative(
      { ...valid, target: { owners: ['Payments'] } },
      DEFAULT_RULES,
    );
    expect(initiative.startsAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(initiative.deadline.toISOString()).toBe('2026-02-01T23:59:59.999Z');
    expect(initiative.target).toEqual({ owners: ['group:default/payments'] });
  });

  it('names the field of each mistake', () => {
    expect(problem({ title: '  ' })).toBe(
      "Invalid field 'title': must not be empty",
    );
    expect(problem({ ruleIds: ['has-techdocs', 'nope'] })).toBe(
      "Invalid field 'ruleIds[1]': no rule 'nope'",
    );
    expect(problem({ ruleIds: [] })).toBe(
      "Invalid field 'ruleIds': name at least one rule, or define one in 'rules'",
    );
    expect(problem({ startsAt: 'soon' })).toBe(
      "Invalid field 'startsAt': 'soon' is not a date; use YYYY-MM-DD",
    );
    expect(problem({ deadline: '2025-12-01' })).toBe(
      "Invalid field 'deadline': must be after 'startsAt' (2026-01-01)",
    );
    expect(
      problem({ rules: [{ id: 'x', title: 'X', check: { type: 'nope' } }] }),
    ).toMatch(
      /^Invalid field 'rules\[0\]\.check\.type': unknown check type 'nope'/,
    );
    expect(
      problem({
        rules: [
          {
            id: 'has-techdocs',
            title: 'Docs',
            check: { type: 'systemPresent' },
          },
        ],
      }),
    ).toMatch(
      /^Invalid field 'rules\[0\]\.id': 'has-techdocs' is a rule of the portal/,
    );
    expect(problem({ target: { owners: ['group:'] } } as any)).toBe(
      "Invalid field 'target.owners[0]': 'group:' is not an entity reference",
    );
  });
});
