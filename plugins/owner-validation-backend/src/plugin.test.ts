import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  componentEntity,
  createOpenApiRequest,
  departedUserEntity,
  groupEntity,
  recordingPermissions,
  startPluginTestBackend,
  testPostgres,
  userEntity,
} from '@internal/backend-test-utils';
import {
  ownerValidationEvaluatePermission,
  ownerValidationReadPermission,
} from '@internal/plugin-owner-validation-common';
import { ownerValidationPlugin } from './plugin';
import { spec } from './schema/openapi/generated';

// Every answer of the plugin's routes is checked against its OpenAPI document.
const request = createOpenApiRequest(spec, '/api/owner-validation');

// These tests need a real PostgreSQL; without one they fail instead of being skipped.
const databases = testPostgres();

const entities: Entity[] = [
  groupEntity('payments', { children: ['ghosts'] }),
  groupEntity('ghosts', { parent: 'payments' }),
  userEntity('alice', { memberOf: ['payments'] }),
  departedUserEntity('bob', { memberOf: ['payments'] }),
  ...[
    ['fine', 'payments'],
    ['legacy', 'user:bob'],
    ['haunted', 'ghosts'],
  ].map(([name, owner]) => componentEntity(name, { owner })),
];

const send = jest.fn();

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY
    | ServiceFactory<PermissionsService> = AuthorizeResult.ALLOW,
  extraConfig: Record<string, unknown> = {},
) {
  return startPluginTestBackend({
    knex: await databases.init(),
    entities,
    permissions: permission,
    send,
    catalogChanges: true,
    features: [
      ownerValidationPlugin,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
    config: {
      ownerValidation: {
        notify: { fallbackGroup: 'group:default/payments' },
      },
      ...extraConfig,
    },
  });
}

const user = { Authorization: mockCredentials.user.header() };

describe('owner-validation plugin', () => {
  beforeEach(() => send.mockReset());

  it('evaluates on request and serves findings', async () => {
    const server = await startBackend();

    const run = await request(server)
      .post('/api/owner-validation/evaluate')
      .set(user);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ entityCount: 7, open: 2, opened: 2 });
    const runs = await request(server)
      .get('/api/owner-validation/runs')
      .set(user);
    expect(runs.status).toBe(200);
    expect(runs.body.items).toEqual([
      expect.objectContaining({
        id: run.body.runId,
        trigger: 'manual',
        status: 'succeeded',
        entityCount: 7,
        findingCount: 2,
      }),
    ]);
    expect(
      (
        await request(server)
          .get('/api/owner-validation/runs?limit=0')
          .set(user)
      ).status,
    ).toBe(400);

    const legacy = await request(server)
      .get('/api/owner-validation/entities/component/default/legacy/findings')
      .set(user);
    expect(legacy.status).toBe(200);
    expect(legacy.body).toMatchObject({
      entityRef: 'component:default/legacy',
      findings: [
        {
          type: 'departedUser',
          suggestedOwner: 'group:default/payments',
          severity: 'error',
        },
      ],
    });

    const fine = await request(server)
      .get('/api/owner-validation/entities/Component/default/fine/findings')
      .set(user);
    expect(fine.body).toEqual({
      entityRef: 'component:default/fine',
      findings: [],
    });

    const list = await request(server)
      .get('/api/owner-validation/findings')
      .query({ type: 'emptyGroup', kind: 'Component', limit: 10 })
      .set(user);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      totalCount: 1,
      limit: 10,
      offset: 0,
      items: [
        {
          name: 'haunted',
          team: 'group:default/ghosts',
          suggestedOwner: 'group:default/payments',
        },
      ],
    });

    const byTeam = await request(server)
      .get('/api/owner-validation/findings')
      .query({ team: 'payments' })
      .set(user);
    expect(byTeam.body.items.map((f: { name: string }) => f.name)).toEqual([
      'legacy',
    ]);

    const summary = await request(server)
      .get('/api/owner-validation/summary')
      .set(user);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      total: 2,
      byType: { departedUser: 1, emptyGroup: 1 },
      lastRun: { entityCount: 7, findingCount: 2 },
    });
  });

  it('notifies the suggested team once per finding', async () => {
    const server = await startBackend();
    await request(server).post('/api/owner-validation/evaluate').set(user);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: expect.objectContaining({
          title: '2 entities need a new owner',
          topic: 'owner-validation',
        }),
      }),
    );
    await request(server).post('/api/owner-validation/evaluate').set(user);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('answers 404 for an unknown entity', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/owner-validation/entities/component/default/nope/findings')
      .set(user);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("No entity 'component:default/nope'");
  });

  it.each([
    [{ limit: 'ten' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ type: 'sadness' }, 'type'],
    [{ status: 'maybe' }, 'status'],
    [{ team: 'a:b:c' }, 'team'],
  ])('answers 400 for %j naming the parameter', async (query, name) => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/owner-validation/findings')
      .query(query)
      .set(user);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(`'${name}'`);
  });

  it('answers 401 without credentials', async () => {
    const server = await startBackend();
    for (const path of [
      '/api/owner-validation/summary',
      '/api/owner-validation/runs',
      '/api/owner-validation/findings',
      '/api/owner-validation/entities/component/default/fine/findings',
    ]) {
      expect((await request(server).get(path)).status).toBe(401);
    }
    expect(
      (await request(server).post('/api/owner-validation/evaluate')).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .post('/api/owner-validation/check')
          .send({ entities: [{ kind: 'Component', metadata: { name: 'a' } }] })
      ).status,
    ).toBe(401);
  });

  it('checks submitted entities against the catalog without storing them', async () => {
    const server = await startBackend();
    const component = (name: string, owner?: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: { type: 'service', lifecycle: 'production', owner },
    });
    const res = await request(server)
      .post('/api/owner-validation/check')
      .set(user)
      .send({
        entities: [
          component('new-one', 'user:default/bob'),
          component('new-two', 'payments'),
          component('new-three'),
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/new-one',
        findings: [
          expect.objectContaining({
            type: 'departedUser',
            severity: 'error',
            suggestedOwner: 'group:default/payments',
            message: expect.stringContaining(
              "Owner 'user:default/bob' has left",
            ),
          }),
        ],
      },
      { entityRef: 'component:default/new-two', findings: [] },
      {
        entityRef: 'component:default/new-three',
        findings: [expect.objectContaining({ type: 'missingOwner' })],
      },
    ]);
    const summary = await request(server)
      .get('/api/owner-validation/summary')
      .set(user);
    expect(summary.body.total).toBe(0);
  });

  it.each([
    ['entities', {}],
    ['entities', { entities: [] }],
    ['entities.0.metadata', { entities: [{ kind: 'Component' }] }],
    ['entities.0.kind', { entities: [{ kind: '', metadata: { name: 'a' } }] }],
    [
      'entities',
      {
        entities: Array.from({ length: 101 }, (_, i) => ({
          kind: 'Component',
          metadata: { name: `c${i}` },
        })),
      },
    ],
  ])('answers 400 naming %s for a bad check body', async (field, body) => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/owner-validation/check')
      .set(user)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(`'${field}'`);
  });

  it('answers 403 when the evaluate permission is denied', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const res = await request(server)
      .post('/api/owner-validation/evaluate')
      .set(user);
    expect(res.status).toBe(403);
  });
});

describe('owner-validation authorization', () => {
  // Permissions the permissions service denies; every other permission is allowed.
  const permissions = recordingPermissions();
  const { denied, asked } = permissions;
  let server: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    server = await startBackend(permissions.factory);
  });
  beforeEach(() => permissions.reset());

  const read = ownerValidationReadPermission.name;
  const evaluate = ownerValidationEvaluatePermission.name;
  const checkBody = {
    entities: [{ kind: 'Component', metadata: { name: 'a' } }],
  };
  it.each([
    ['get', '/entities/component/default/fine/findings', read],
    ['get', '/findings', read],
    ['get', '/summary', read],
    ['post', '/check', read],
    ['get', '/runs', read],
    ['post', '/evaluate', evaluate],
  ] as const)(
    '%s %s: 401 without credentials, 403 without %s, 200 with it',
    async (method, path, permission) => {
      const call = (headers: Record<string, string>) =>
        request(server)
          [method](`/api/owner-validation${path}`)
          .set(headers)
          .send(method === 'post' ? checkBody : undefined);

      expect((await call({})).status).toBe(401);
      expect(asked).toEqual([]);

      expect((await call(user)).status).toBe(200);
      expect(asked).toEqual([permission]);

      denied.add(permission);
      const forbidden = await call(user);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.name).toBe('NotAllowedError');
    },
  );

  it('lets other plugins read with service credentials whatever the policy', async () => {
    // The real permissions service, with no permission backend to ask: it must not need one.
    const service = await startBackend(mockServices.permissions.factory(), {
      permission: { enabled: true },
    });
    const res = await request(service)
      .get('/api/owner-validation/findings?severity=error')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
  });
});
