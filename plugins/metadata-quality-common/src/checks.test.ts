import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { runCheck } from './checks';
import { ownerRefOf } from './entityRefs';
import { readPath } from './entityPath';
import { CheckContext } from './types';

const now = new Date('2026-11-27T00:00:00Z');
const context: CheckContext = {
  now,
  ownerVerdict: (_entityRef, ownerRef) => ({
    valid: ownerRef === 'group:default/payments',
  }),
};

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-service',
    description: 'Takes payments',
    annotations: {
      'backstage.io/techdocs-ref': 'dir:.',
      'acme.io/reviewed': '2026-10-01',
    },
    links: [
      { url: 'https://r.example', title: 'On-call Runbook' },
      { url: 'https://g.example', type: 'dashboard' },
    ],
    tags: [],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments',
    system: 'payments',
  },
  relations: [{ type: 'providesApi', targetRef: 'api:default/payments-api' }],
};

describe('readPath', () => {
  it('reads dotted and bracketed paths', () => {
    expect(readPath(entity, 'spec.owner')).toBe('payments');
    expect(
      readPath(entity, "metadata.annotations['backstage.io/techdocs-ref']"),
    ).toBe('dir:.');
    expect(readPath(entity, 'spec.nothing.deeper')).toBeUndefined();
  });
});

describe('runCheck', () => {
  it('checks that fields are present and not empty', () => {
    expect(
      runCheck({ type: 'fieldPresent', path: 'spec.owner' }, entity, context),
    ).toEqual({ passed: true });
    expect(
      runCheck(
        { type: 'fieldPresent', path: 'metadata.tags' },
        entity,
        context,
      ),
    ).toEqual({ passed: false, message: 'metadata.tags is missing' });
  });

  it('matches fields against a list or a pattern', () => {
    const list = {
      type: 'fieldMatches' as const,
      path: 'spec.lifecycle',
      oneOf: ['production', 'experimental'],
    };
    expect(runCheck(list, entity, context).passed).toBe(true);
    const pattern = {
      type: 'fieldMatches' as const,
      path: 'metadata.name',
      pattern: '^[a-z]+$',
    };
    expect(runCheck(pattern, entity, context)).toEqual({
      passed: false,
      message: "metadata.name 'payments-service' is not matching /^[a-z]+$/",
    });
  });

  it('checks annotations and TechDocs', () => {
    expect(runCheck({ type: 'techdocsPresent' }, entity, context).passed).toBe(
      true,
    );
    expect(
      runCheck(
        { type: 'annotationPresent', annotation: 'pagerduty.com/service-id' },
        entity,
        context,
      ).passed,
    ).toBe(false);
  });

  it('finds relations from relations or spec fields', () => {
    expect(
      runCheck({ type: 'relationPresent', relation: 'partOf' }, entity, context)
        .passed,
    ).toBe(true);
    expect(
      runCheck(
        { type: 'relationPresent', relation: 'providesApi' },
        entity,
        context,
      ).passed,
    ).toBe(true);
    expect(
      runCheck(
        { type: 'relationPresent', relation: 'dependsOn' },
        entity,
        context,
      ),
    ).toEqual({ passed: false, message: 'No dependsOn relation' });
  });

  it('validates the owner through the context', () => {
    expect(ownerRefOf(entity)).toBe('group:default/payments');
    expect(runCheck({ type: 'ownerValid' }, entity, context).passed).toBe(true);
    const orphan = { ...entity, spec: { ...entity.spec, owner: 'ghosts' } };
    expect(runCheck({ type: 'ownerValid' }, orphan, context)).toEqual({
      passed: false,
      message: "Owner 'group:default/ghosts' is not a group in the catalog",
    });
  });

  it('asks the context per entity and uses its reason', () => {
    const ownerVerdict = jest.fn(() => ({
      valid: false,
      message: "Owner 'group:default/payments' has left",
    }));
    const result = runCheck({ type: 'ownerValid' }, entity, {
      now: new Date(),
      ownerVerdict,
    });
    expect(ownerVerdict).toHaveBeenCalledWith(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      'group:default/payments',
    );
    expect(result).toEqual({
      passed: false,
      message: "Owner 'group:default/payments' has left",
    });
  });

  it('fails a person as owner even when nothing else is wrong with them', () => {
    const personal = {
      ...entity,
      spec: { ...entity.spec, owner: 'user:alice' },
    };
    expect(
      runCheck({ type: 'ownerValid' }, personal, {
        now,
        ownerVerdict: () => ({ valid: true }),
      }),
    ).toEqual({
      passed: false,
      message: 'Owned by a person (user:default/alice), not a team',
    });
  });

  it('matches links by title or type', () => {
    expect(
      runCheck({ type: 'linkPresent', match: 'runbook' }, entity, context)
        .passed,
    ).toBe(true);
    expect(
      runCheck({ type: 'linkPresent', match: 'dashboard' }, entity, context)
        .passed,
    ).toBe(true);
    expect(
      runCheck({ type: 'linkPresent', match: 'slo' }, entity, context).passed,
    ).toBe(false);
  });

  it('checks freshness from an annotation or the change time', () => {
    const annotated = {
      type: 'freshness' as const,
      maxAgeDays: 30,
      annotation: 'acme.io/reviewed',
    };
    expect(runCheck(annotated, entity, context)).toEqual({
      passed: false,
      message: 'Unchanged for 57 days (limit 30)',
    });
    const tracked = { type: 'freshness' as const, maxAgeDays: 30 };
    expect(
      runCheck(tracked, entity, {
        ...context,
        changedAt: new Date('2026-11-20T00:00:00Z'),
      }).passed,
    ).toBe(true);
  });
});

describe('techdocsPresent with built', () => {
  const withDocs: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'svc',
      namespace: 'default',
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    },
  };
  const base = { now: new Date(), ownerVerdict: () => ({ valid: true }) };

  it('tells a missing annotation, a site being built and a failed build apart, and passes once built', () => {
    const check = { type: 'techdocsPresent' as const, built: true };
    const noRef = { ...withDocs, metadata: { name: 'svc', annotations: {} } };
    expect(runCheck(check, noRef, base)).toEqual({
      passed: false,
      message: 'Annotation backstage.io/techdocs-ref is missing',
    });
    expect(
      runCheck(check, withDocs, {
        ...base,
        docsState: () => ({ state: 'building' }),
      }),
    ).toEqual({
      passed: false,
      message: 'TechDocs are not built yet: the portal is building them',
    });
    expect(
      runCheck(check, withDocs, {
        ...base,
        docsState: () => ({
          state: 'failed',
          reason: 'mkdocs.yml is not valid YAML',
        }),
      }),
    ).toEqual({
      passed: false,
      message: 'The TechDocs build failed: mkdocs.yml is not valid YAML',
    });
    expect(
      runCheck(check, withDocs, {
        ...base,
        docsState: ref =>
          ref === 'component:default/svc' ? { state: 'built' } : undefined,
      }),
    ).toEqual({ passed: true });
  });

  it('checks only the annotation when the build status is unknown', () => {
    expect(
      runCheck({ type: 'techdocsPresent', built: true }, withDocs, base),
    ).toEqual({ passed: true });
  });
});

describe('systemPresent', () => {
  const base = { now, ownerVerdict: () => ({ valid: true }) };
  const sub: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'card-form', namespace: 'default' },
    spec: { subcomponentOf: 'checkout' },
    // The catalog relates a subcomponent to its parent by partOf: that is not a system.
    relations: [{ type: 'partOf', targetRef: 'component:default/checkout' }],
  };

  it('passes with spec.system or a partOf relation to a System', () => {
    expect(
      runCheck(
        { type: 'systemPresent' },
        { ...sub, spec: { system: 'shop' } },
        base,
      ).passed,
    ).toBe(true);
    expect(
      runCheck(
        { type: 'systemPresent' },
        {
          ...sub,
          spec: {},
          relations: [{ type: 'partOf', targetRef: 'system:default/shop' }],
        },
        base,
      ).passed,
    ).toBe(true);
  });

  it('passes a subcomponent only when the component it is part of has a system', () => {
    expect(runCheck({ type: 'systemPresent' }, sub, base)).toEqual({
      passed: false,
      message:
        'No spec.system, and the component it is part of (component:default/checkout) has no system either',
    });
    expect(
      runCheck({ type: 'systemPresent' }, sub, {
        ...base,
        facts: () => ({ parentSystemRef: 'system:default/shop' }),
      }).passed,
    ).toBe(true);
  });
});
