import type { Entity } from '@backstage/catalog-model';
import { checkOwners, createOwnerChecker, userTeams } from './checkOwners';
import { parseOwnerRef } from './ownerRefs';

function group(
  name: string,
  spec: { parent?: string; children?: string[] } = {},
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', children: [], ...spec },
  };
}

function user(
  name: string,
  memberOf: string[],
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', ...metadata },
    spec: { memberOf },
  };
}

function component(
  name: string,
  owner: unknown,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: { type: 'service', lifecycle: 'production', owner },
  } as Entity;
}

const org: Entity[] = [
  group('engineering', { children: ['payments', 'ghost-team'] }),
  group('payments', { parent: 'engineering' }),
  group('ghost-team', { parent: 'engineering' }),
  user('alice', ['payments']),
  user('bob', ['payments'], {
    annotations: { 'lighthouse.acme/departed': 'true' },
  }),
  user('loner', []),
];

describe('parseOwnerRef', () => {
  it('applies the default kind and namespace', () => {
    expect(parseOwnerRef('payments')?.ref).toBe('group:default/payments');
    expect(parseOwnerRef('user:ops/Ann', 'x')?.ref).toBe('user:ops/ann');
    expect(parseOwnerRef('team', 'ops')?.ref).toBe('group:ops/team');
  });

  it.each([
    'group:',
    'a:b:c',
    ' payments',
    'pay ments',
    'a/b/c',
    ':x',
    '/x',
    'group:ns/',
  ])('rejects %j', owner => {
    expect(parseOwnerRef(owner)).toBeUndefined();
  });
});

describe('checkOwners', () => {
  it('accepts a group with members', () => {
    expect(checkOwners([...org, component('ok', 'payments')])).toEqual([]);
    expect(
      checkOwners([...org, component('ok', 'group:default/Payments')]),
    ).toEqual([]);
  });

  it('reports a missing owner', () => {
    const [finding] = checkOwners([...org, component('c', undefined)]);
    expect(finding).toMatchObject({
      entityRef: 'component:default/c',
      type: 'missingOwner',
      severity: 'error',
    });
  });

  it.each([
    ['group:'],
    ['a:b:c'],
    [' payments'],
    ['pay ments'],
    [42],
    [['payments']],
  ])('reports the malformed owner %j', owner => {
    const findings = checkOwners([...org, component('c', owner)]);
    expect(findings).toHaveLength(1);
    expect(findings[0].type).toBe('invalidOwnerRef');
    expect(findings[0].message).toMatch(/Owner/);
  });

  it('reports an owner of a kind that cannot own', () => {
    const [finding] = checkOwners([...org, component('c', 'component:other')]);
    expect(finding.type).toBe('invalidOwnerRef');
    expect(finding.message).toBe(
      "Owner 'component:other' must be a Group or User, not a component",
    );
  });

  it('reports an owner that is not in the catalog, in the entity namespace', () => {
    const [finding] = checkOwners([...org, component('c', 'payments', 'ops')]);
    expect(finding).toMatchObject({
      type: 'ownerNotFound',
      ownerRef: 'group:ops/payments',
      message: "Owner 'group:ops/payments' does not exist in the catalog",
    });
  });

  it('says so when the owner is missing because the catalog refused its file', () => {
    const refusedOwners = new Map([
      ['group:default/tooling', 'url:https://git.example/org.yaml'],
      ['user:default/ada', 'url:https://git.example/org.yaml'],
    ]);
    const findings = checkOwners(
      [...org, component('a', 'tooling'), component('b', 'user:ada')],
      { refusedOwners },
    );
    expect(findings).toMatchObject([
      {
        type: 'ownerRefused',
        severity: 'error',
        ownerRef: 'group:default/tooling',
        team: 'group:default/tooling',
        message:
          "Owner 'group:default/tooling' is not in the catalog because the catalog refused its definition in https://git.example/org.yaml",
      },
      { type: 'ownerRefused', ownerRef: 'user:default/ada' },
    ]);
    // An owner that exists is fine, whatever else about it was refused.
    expect(
      checkOwners([...org, component('c', 'payments')], {
        refusedOwners: new Map([
          ['group:default/payments', 'url:https://git.example/copy.yaml'],
        ]),
      }).filter(f => f.entityRef === 'component:default/c'),
    ).toEqual([]);
  });

  it('finds owners in other namespaces', () => {
    const entities = [
      group('sre', {}, 'ops'),
      {
        ...user('zoë', ['ops/sre']),
        metadata: { name: 'zoë', namespace: 'ops' },
      },
      component('c', 'group:ops/sre'),
    ];
    expect(checkOwners(entities)).toEqual([]);
  });

  it('handles unicode owners and titles without crashing', () => {
    const entity = component('c', 'équipe-zürich');
    entity.metadata.title = 'Zürich ☕ service';
    const [finding] = checkOwners([...org, entity]);
    expect(finding).toMatchObject({
      type: 'ownerNotFound',
      title: 'Zürich ☕ service',
      ownerRef: 'group:default/équipe-zürich',
    });
  });

  it('reports a departed user marked by annotation and suggests their team', () => {
    const [finding] = checkOwners([...org, component('c', 'user:bob')]);
    expect(finding).toMatchObject({
      type: 'departedUser',
      severity: 'error',
      suggestedOwner: 'group:default/payments',
      team: 'group:default/payments',
    });
    expect(finding.message).toContain('lighthouse.acme/departed');
  });

  it('reads a configurable marker from labels', () => {
    const entities = [
      ...org,
      user('carol', ['payments'], { labels: { 'acme.io/left': 'TRUE' } }),
      component('c', 'user:carol'),
    ];
    expect(checkOwners(entities)[0].type).toBe('userOwner');
    const [finding] = checkOwners(entities, {
      departedMarker: { key: 'acme.io/left' },
    });
    expect(finding.type).toBe('departedUser');
  });

  it('reports a user who belongs to no group as departed', () => {
    const [finding] = checkOwners([...org, component('c', 'user:loner')]);
    expect(finding.type).toBe('departedUser');
    expect(finding.message).toContain('belongs to no group');
  });

  it('reports a user who left the catalog, with their last known team', () => {
    const lastKnownTeams = new Map([
      ['user:default/gone', ['group:default/payments']],
    ]);
    const [finding] = checkOwners([...org, component('c', 'user:gone')], {
      lastKnownTeams,
    });
    expect(finding).toMatchObject({
      type: 'departedUser',
      suggestedOwner: 'group:default/payments',
    });
    expect(checkOwners([...org, component('c', 'user:gone')])[0].type).toBe(
      'ownerNotFound',
    );
  });

  it('warns when a person owns something', () => {
    const [finding] = checkOwners([...org, component('c', 'user:alice')]);
    expect(finding).toMatchObject({
      type: 'userOwner',
      severity: 'warning',
      suggestedOwner: 'group:default/payments',
    });
  });

  it('reports an empty group and suggests its parent', () => {
    const [finding] = checkOwners([...org, component('c', 'ghost-team')]);
    expect(finding).toMatchObject({
      type: 'emptyGroup',
      suggestedOwner: 'group:default/engineering',
      team: 'group:default/ghost-team',
    });
  });

  it('counts members of child groups, through relations too', () => {
    const parent = group('parent');
    const child = group('child');
    child.relations = [{ type: 'childOf', targetRef: 'group:default/parent' }];
    const entities = [
      parent,
      child,
      user('u', ['child']),
      component('c', 'parent'),
    ];
    expect(checkOwners(entities)).toEqual([]);
  });

  it('terminates on cycles in the group hierarchy', () => {
    const entities = [
      group('a', { parent: 'b', children: ['b'] }),
      group('b', { parent: 'a', children: ['a'] }),
      group('self', { parent: 'self', children: ['self'] }),
      component('c', 'a'),
      component('d', 'self'),
    ];
    const findings = checkOwners(entities);
    expect(findings.map(f => [f.name, f.type, f.suggestedOwner])).toEqual([
      ['c', 'emptyGroup', undefined],
      ['d', 'emptyGroup', undefined],
    ]);
  });

  it('follows configured severities and skips types switched off', () => {
    const entities = [
      ...org,
      component('c', 'user:alice'),
      component('d', 'user:bob'),
    ];
    const findings = checkOwners(entities, {
      severities: { userOwner: 'off', departedUser: 'warning' },
    });
    expect(findings.map(f => [f.name, f.type, f.severity])).toEqual([
      ['d', 'departedUser', 'warning'],
    ]);
    const withoutDeparted = checkOwners(entities, {
      severities: { departedUser: 'off' },
    });
    expect(withoutDeparted.map(f => [f.name, f.type])).toEqual([
      ['c', 'userOwner'],
      ['d', 'userOwner'],
    ]);
  });

  it('checks only kinds with owners and survives malformed entities', () => {
    const onError = jest.fn();
    const entities = [
      ...org,
      { kind: 'Location', metadata: { name: 'l' }, spec: {} },
      { kind: 'Component', metadata: {} },
      { kind: 'Component' },
      null,
      { kind: 'API', metadata: { name: 'api' } },
      {
        kind: 'User',
        metadata: { name: 'weird' },
        spec: { memberOf: 'payments' },
      },
      { kind: 'Group', metadata: { name: 'g' }, spec: { children: [null, 3] } },
      {
        kind: 'System',
        metadata: { name: 's' },
        spec: { owner: 'payments' },
        relations: 'nope',
      },
    ] as unknown as Entity[];
    const findings = checkOwners(entities, { onError });
    expect(findings.map(f => [f.entityRef, f.type])).toEqual([
      ['api:default/api', 'missingOwner'],
    ]);
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('userTeams', () => {
  it('lists the existing groups of each user', () => {
    expect(userTeams(org)).toEqual(
      new Map([
        ['user:default/alice', ['group:default/payments']],
        ['user:default/bob', ['group:default/payments']],
      ]),
    );
  });

  it('lists only the users asked about', () => {
    expect(userTeams(org, ['user:default/bob', 'user:default/nobody'])).toEqual(
      new Map([['user:default/bob', ['group:default/payments']]]),
    );
  });
});

describe('createOwnerChecker', () => {
  it('builds the org once and answers per entity as checkOwners does', () => {
    const webOrg: Entity[] = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'web' },
        spec: { type: 'team', children: [] },
        relations: [{ type: 'hasMember', targetRef: 'user:default/ann' }],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'ann' },
        spec: { memberOf: ['web'] },
        relations: [{ type: 'memberOf', targetRef: 'group:default/web' }],
      },
    ];
    const checker = createOwnerChecker(webOrg);
    const ownedBy = (owner: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `c-${owner.replace(/\W/g, '-')}` },
      spec: { type: 'service', owner },
    });
    expect(checker.check(ownedBy('web'))).toBeUndefined();
    const ghost = ownedBy('ghosts');
    expect(checker.check(ghost)).toEqual(checkOwners([...webOrg, ghost])[0]);
    expect(checker.check(ghost)).toMatchObject({ type: 'ownerNotFound' });
    expect(checker.check(webOrg[0])).toBeUndefined();
    // An owner as a template's form gives it, before any entity exists.
    expect(checker.checkOwner('web')).toBeUndefined();
    expect(checker.checkOwner('ghosts')).toMatchObject({
      type: 'ownerNotFound',
      severity: 'error',
      ownerRef: 'group:default/ghosts',
    });
  });
});
