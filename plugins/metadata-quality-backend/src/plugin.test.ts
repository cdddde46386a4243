import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  metadataQualityEntityConfirmPermission,
  metadataQualityEvaluatePermission,
  metadataQualityReadPermission,
} from '@internal/plugin-metadata-quality-common';
import { recordingPermissions } from '@internal/backend-test-utils';
import {
  request,
  sentNotices,
  start,
} from './__testUtils__/qualityTestBackend';

describe('metadata-quality plugin', () => {
  it('evaluates on request and serves scores, lists, groups and history', async () => {
    const server = await start();

    await request(server)
      .get('/api/metadata-quality/entities/component/default/payments-service')
      .expect(404);

    const run = await request(server)
      .post('/api/metadata-quality/evaluate')
      .expect(200);
    expect(run.body).toEqual(
      expect.objectContaining({ evaluated: 2, removed: 0 }),
    );

    const runs = await request(server)
      .get('/api/metadata-quality/runs')
      .expect(200);
    expect(runs.body.items).toEqual([
      expect.objectContaining({
        id: run.body.runId,
        trigger: 'manual',
        status: 'succeeded',
        entityCount: 2,
        removedCount: 0,
      }),
    ]);

    const good = await request(server)
      .get('/api/metadata-quality/entities/component/default/payments-service')
      .expect(200);
    // Every rule passes except has-tags (weight 1 of 21); confirmed-recently passes for a new entry.
    expect(good.body).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-service',
        ownerRef: 'group:default/payments',
        score: 95.2,
        level: 'Gold',
        failingRules: ['has-tags'],
      }),
    );

    const bad = await request(server)
      .get('/api/metadata-quality/entities/Component/default/orphan')
      .expect(200);
    expect(bad.body.failingRules).toContain('owner-valid');
    expect(
      bad.body.results.find((r: any) => r.ruleId === 'owner-valid').message,
    ).toBe("Owner 'group:default/nobody' is not a group in the catalog");

    const list = await request(server)
      .get('/api/metadata-quality/entities?orderBy=score&order=asc&limit=1')
      .expect(200);
    expect(list.body.totalItems).toBe(2);
    expect(list.body.items.map((i: any) => i.name)).toEqual(['orphan']);

    const failing = await request(server)
      .get('/api/metadata-quality/entities?failingRule=owner-valid')
      .expect(200);
    expect(failing.body.items.map((i: any) => i.name)).toEqual(['orphan']);

    const owned = await request(server)
      .get('/api/metadata-quality/entities?owner=payments&kind=component')
      .expect(200);
    expect(owned.body.items.map((i: any) => i.name)).toEqual([
      'payments-service',
    ]);

    const groups = await request(server)
      .get('/api/metadata-quality/groups')
      .expect(200);
    expect(groups.body.items[0]).toEqual(
      expect.objectContaining({
        groupRef: 'group:default/engineering',
        entityCount: 1,
        averageScore: 95.2,
      }),
    );

    const history = await request(server)
      .get('/api/metadata-quality/history/groups/default/payments')
      .expect(200);
    expect(history.body.items).toHaveLength(1);
    await request(server)
      .get(
        '/api/metadata-quality/history/entities/component/default/payments-service?days=7',
      )
      .expect(200);

    const summary = await request(server)
      .get('/api/metadata-quality/summary')
      .expect(200);
    expect(summary.body.entityCount).toBe(2);

    const rules = await request(server)
      .get('/api/metadata-quality/rules')
      .expect(200);
    expect(rules.body.rules.map((r: any) => r.id)).toContain('has-tags');
    expect(rules.body.levels.map((l: any) => l.name)).toEqual([
      'Bronze',
      'Silver',
      'Gold',
    ]);
  });

  it('rejects bad parameters naming them', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/metadata-quality/entities?limit=0')
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/^Invalid query parameter 'limit'/);
    const level = await request(server)
      .get('/api/metadata-quality/entities?level=Platinum')
      .expect(400);
    expect(level.body.error.message).toMatch(/'level'/);
    await request(server)
      .get('/api/metadata-quality/entities?orderBy=owner')
      .expect(400);
    await request(server)
      .get('/api/metadata-quality/entities?failingRule=nope')
      .expect(400);
    await request(server).get('/api/metadata-quality/runs?limit=0').expect(400);
  });

  it("stores an owner's confirmation and re-scores the entity", async () => {
    const server = await start();
    await request(server).post('/api/metadata-quality/evaluate').expect(200);
    await request(server)
      .get(
        '/api/metadata-quality/entities/component/default/payments-service/confirmation',
      )
      .expect(404);

    const confirmed = await request(server)
      .post(
        '/api/metadata-quality/entities/Component/default/payments-service/confirm',
      )
      .expect(200);
    expect(confirmed.body).toEqual({
      entityRef: 'component:default/payments-service',
      ownerRef: 'group:default/payments',
      confirmedBy: 'user:default/mock',
      confirmedAt: expect.any(String),
    });
    const read = await request(server)
      .get(
        '/api/metadata-quality/entities/component/default/payments-service/confirmation',
      )
      .expect(200);
    expect(read.body).toEqual(confirmed.body);

    const rescored = await request(server)
      .get('/api/metadata-quality/entities/component/default/payments-service')
      .expect(200);
    expect(rescored.body.failingRules).toEqual(['has-tags']);
    expect(rescored.body.score).toBe(95.2);

    await request(server)
      .post('/api/metadata-quality/entities/component/default/gone/confirm')
      .expect(404);
    const service = await request(server)
      .post('/api/metadata-quality/entities/component/default/orphan/confirm')
      .set('Authorization', mockCredentials.service.header())
      .expect(403);
    expect(service.body.error.name).toBe('NotAllowedError');
  });

  it("confirms all of a team's entities", async () => {
    const server = await start();
    await request(server).post('/api/metadata-quality/evaluate').expect(200);
    const res = await request(server)
      .post('/api/metadata-quality/groups/default/payments/confirm')
      .expect(200);
    expect(res.body.confirmed.map((c: any) => c.entityRef)).toEqual([
      'component:default/payments-service',
    ]);
    expect(res.body.notAllowed).toEqual([]);
    const rescored = await request(server)
      .get('/api/metadata-quality/entities/component/default/payments-service')
      .expect(200);
    expect(rescored.body.failingRules).toEqual(['has-tags']);
  });

  it('refuses a confirmation by someone who does not own the entity', async () => {
    const server = await start({ permission: AuthorizeResult.DENY });
    const res = await request(server)
      .post(
        '/api/metadata-quality/entities/component/default/payments-service/confirm',
      )
      .expect(403);
    expect(res.body.error.message).toBe(
      "Only the owners of 'component:default/payments-service' may confirm its metadata",
    );
    const group = await request(server)
      .post('/api/metadata-quality/groups/default/payments/confirm')
      .expect(200);
    expect(group.body).toEqual({
      confirmed: [],
      notAllowed: ['component:default/payments-service'],
    });
  });

  it('exempts an entity from a rule once an admin approves, and keeps the trail', async () => {
    const server = await start();
    await request(server).post('/api/metadata-quality/evaluate').expect(200);
    const url =
      '/api/metadata-quality/entities/component/default/payments-service/exemptions';
    const inTenDays = new Date(Date.now() + 10 * 86400_000)
      .toISOString()
      .slice(0, 10);

    const badDate = await request(server)
      .post(url)
      .send({ ruleId: 'has-tags', reason: 'Tags come later', until: 'soon' })
      .expect(400);
    expect(badDate.body.error.message).toMatch(/'until'/);
    const unknownRule = await request(server)
      .post(url)
      .send({ ruleId: 'nope', reason: 'x', until: inTenDays })
      .expect(400);
    expect(unknownRule.body.error.message).toBe(
      "Invalid field 'ruleId': no rule 'nope'",
    );
    const tooLong = await request(server)
      .post(url)
      .send({ ruleId: 'has-tags', reason: 'x', until: '2099-01-01' })
      .expect(400);
    expect(tooLong.body.error.message).toBe(
      "Invalid field 'until': at most 90 days ahead",
    );
    await request(server)
      .post('/api/metadata-quality/entities/component/default/gone/exemptions')
      .send({ ruleId: 'has-tags', reason: 'x', until: inTenDays })
      .expect(404);

    const asked = await request(server)
      .post(url)
      .send({ ruleId: 'has-tags', reason: 'Tags come later', until: inTenDays })
      .expect(201);
    expect(asked.body).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-service',
        status: 'requested',
        requestedBy: 'user:default/mock',
        until: `${inTenDays}T23:59:59.999Z`,
      }),
    );
    const pending = await request(server)
      .get('/api/metadata-quality/exemptions?status=requested')
      .expect(200);
    expect(pending.body.items.map((e: any) => e.id)).toEqual([asked.body.id]);

    const approved = await request(server)
      .post(`/api/metadata-quality/exemptions/${asked.body.id}/decision`)
      .send({ decision: 'approve', comment: 'Until the tagging sprint' })
      .expect(200);
    expect(approved.body).toEqual(
      expect.objectContaining({
        status: 'approved',
        decidedBy: 'user:default/mock',
        comment: 'Until the tagging sprint',
      }),
    );
    // The requester is told of the decision.
    expect(sentNotices).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'user:default/mock' },
      payload: expect.objectContaining({
        title: "payments-service: exemption from 'has-tags' approved",
        description: `user:default/mock approved it until ${inTenDays}: Until the tagging sprint`,
        link: '/catalog/default/component/payments-service/quality',
      }),
    });
    await request(server)
      .post(`/api/metadata-quality/exemptions/${asked.body.id}/decision`)
      .send({ decision: 'deny', comment: 'changed my mind' })
      .expect(409);
    await request(server)
      .post('/api/metadata-quality/exemptions/9999/decision')
      .send({ decision: 'deny', comment: '' })
      .expect(404);

    const rescored = await request(server)
      .get('/api/metadata-quality/entities/component/default/payments-service')
      .expect(200);
    expect(rescored.body.failingRules).toEqual([]);
    expect(rescored.body.score).toBe(100);
    expect(
      rescored.body.results.find((r: any) => r.ruleId === 'has-tags').exempt,
    ).toEqual({
      until: `${inTenDays}T23:59:59.999Z`,
      reason: 'Tags come later',
    });

    const trail = await request(server)
      .get(
        `/api/metadata-quality/exemptions?entityRef=${encodeURIComponent(
          'component:default/payments-service',
        )}`,
      )
      .expect(200);
    expect(trail.body.items).toHaveLength(1);
  });

  it('lets only the owners request and only admins decide', async () => {
    const server = await start({ permission: AuthorizeResult.DENY });
    const res = await request(server)
      .post(
        '/api/metadata-quality/entities/component/default/payments-service/exemptions',
      )
      .send({ ruleId: 'has-tags', reason: 'x', until: '2099-01-01' })
      .expect(403);
    expect(res.body.error.message).toBe(
      "Only the owners of 'component:default/payments-service' may ask to exempt it from a rule",
    );
    await request(server)
      .post('/api/metadata-quality/exemptions/1/decision')
      .send({ decision: 'approve', comment: '' })
      .expect(403);
  });

  it('requires credentials', async () => {
    const server = await start();
    await request(server)
      .get('/api/metadata-quality/rules')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    await request(server)
      .get('/api/metadata-quality/runs')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    const res = await request(server)
      .post('/api/metadata-quality/evaluate')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('needs the evaluate permission to re-evaluate', async () => {
    const server = await start({ permission: AuthorizeResult.DENY });
    const res = await request(server)
      .post('/api/metadata-quality/evaluate')
      .expect(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });
});

describe('metadata-quality authorization', () => {
  // Permissions the permissions service denies; every other permission is allowed.
  const permissions = recordingPermissions();
  const { denied, asked } = permissions;
  let server: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    server = await start({ permissions: permissions.factory });
    await request(server).post('/api/metadata-quality/evaluate').expect(200);
  });
  beforeEach(() => permissions.reset());

  const read = metadataQualityReadPermission.name;
  const evaluate = metadataQualityEvaluatePermission.name;
  it.each([
    ['get', '/rules', read],
    ['get', '/entities', read],
    ['get', '/entities/component/default/payments-service', read],
    ['get', '/summary', read],
    ['get', '/groups', read],
    ['get', '/history/entities/component/default/payments-service', read],
    ['get', '/history/groups/default/payments', read],
    ['get', '/runs', read],
    ['post', '/evaluate', evaluate],
    // Confirming first: the confirmation it stores is read next.
    [
      'post',
      '/entities/component/default/payments-service/confirm',
      metadataQualityEntityConfirmPermission.name,
    ],
    ['get', '/entities/component/default/payments-service/confirmation', read],
    ['get', '/exemptions', read],
  ] as const)(
    '%s %s: 401 without credentials, 403 without %s, 200 with it',
    async (method, path, permission) => {
      const url = `/api/metadata-quality${path}`;
      const anonymous = await request(server)
        [method](url)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      expect(asked).toEqual([]);

      expect((await request(server)[method](url)).status).toBe(200);
      expect(asked).toEqual([permission]);

      denied.add(permission);
      const forbidden = await request(server)[method](url);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.name).toBe('NotAllowedError');
    },
  );
});
