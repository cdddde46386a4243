import { mockCredentials } from '@backstage/backend-test-utils';
import { metadataQualityInitiativeManagePermission } from '@internal/plugin-metadata-quality-common';
import { recordingPermissions } from '@internal/backend-test-utils';
import { request, start } from '../__testUtils__/qualityTestBackend';

const api = '/api/metadata-quality';
const DAY = 86_400_000;
const dayIn = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

// payments-service has a description and a Runbook link; orphan has neither.
const runbooks = {
  title: 'Runbooks for every component',
  ruleIds: ['has-description'],
  rules: [
    {
      id: 'has-runbook-link',
      title: 'Links its runbook',
      check: { type: 'linkPresent', match: 'runbook' },
    },
  ],
  target: { kinds: ['Component'] },
  startsAt: dayIn(0),
  deadline: dayIn(29),
};

describe('initiative routes', () => {
  it('creates an initiative an evaluation measures, and serves its progress, teams, failing entities and history', async () => {
    const server = await start();
    const created = await request(server)
      .post(`${api}/initiatives`)
      .send(runbooks)
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        title: 'Runbooks for every component',
        ruleIds: ['has-description'],
        rules: [expect.objectContaining({ id: 'has-runbook-link' })],
        target: { kinds: ['Component'] },
        createdBy: 'user:default/mock',
        status: 'running',
        daysLeft: 30,
      }),
    );
    const { id } = created.body;
    // Creating started a full evaluation; this request waits for it.
    await request(server).post(`${api}/evaluate`).expect(200);

    const detail = await request(server)
      .get(`${api}/initiatives/${id}`)
      .expect(200);
    expect(detail.body.progress).toEqual({ targeted: 2, passing: 1 });
    expect(detail.body.evaluatedAt).toEqual(expect.any(String));
    expect(detail.body.teams).toEqual([
      { ownerRef: 'group:default/nobody', targeted: 1, passing: 0 },
      {
        ownerRef: 'group:default/payments',
        title: 'Payments Team',
        targeted: 1,
        passing: 1,
      },
    ]);

    const failing = await request(server)
      .get(`${api}/initiatives/${id}/failing`)
      .expect(200);
    expect(failing.body).toEqual({
      totalItems: 1,
      items: [
        {
          entityRef: 'component:default/orphan',
          kind: 'Component',
          namespace: 'default',
          name: 'orphan',
          ownerRef: 'group:default/nobody',
          failingRules: ['has-description', 'has-runbook-link'],
        },
      ],
    });
    const history = await request(server)
      .get(`${api}/initiatives/${id}/history`)
      .expect(200);
    expect(history.body.items).toEqual([
      { day: dayIn(0), targeted: 2, passing: 1 },
    ]);
    const team = await request(server)
      .get(`${api}/initiatives/${id}/history?owner=payments`)
      .expect(200);
    expect(team.body.items).toEqual([
      { day: dayIn(0), targeted: 1, passing: 1 },
    ]);

    const list = await request(server).get(`${api}/initiatives`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, progress: { targeted: 2, passing: 1 } }),
    ]);

    // The leaderboard and the entity list filter by the initiative.
    const groups = await request(server)
      .get(`${api}/groups?initiative=${id}`)
      .expect(200);
    expect(groups.body.items).toEqual([
      expect.objectContaining({
        groupRef: 'group:default/engineering',
        entityCount: 1,
        passing: 1,
      }),
      expect.objectContaining({
        groupRef: 'group:default/payments',
        entityCount: 1,
        passing: 1,
      }),
    ]);
    const entities = await request(server)
      .get(`${api}/entities?initiative=${id}&orderBy=name`)
      .expect(200);
    expect(entities.body.items.map((e: any) => e.name)).toEqual([
      'orphan',
      'payments-service',
    ]);

    const changed = await request(server)
      .put(`${api}/initiatives/${id}`)
      .send({
        ...runbooks,
        title: 'Runbooks',
        target: { owners: ['payments'] },
      })
      .expect(200);
    expect(changed.body.title).toBe('Runbooks');
    await request(server).post(`${api}/evaluate`).expect(200);
    const narrowed = await request(server)
      .get(`${api}/initiatives/${id}`)
      .expect(200);
    expect(narrowed.body.progress).toEqual({ targeted: 1, passing: 1 });

    await request(server).delete(`${api}/initiatives/${id}`).expect(204);
    await request(server).get(`${api}/initiatives/${id}`).expect(404);
  });

  it('answers 400 naming the field, and 404 for an unknown initiative', async () => {
    const server = await start();
    const problem = async (body: object) =>
      (
        await request(server)
          .post(`${api}/initiatives`)
          .send({ ...runbooks, ...body })
          .expect(400)
      ).body.error.message;
    expect(await problem({ title: ' ' })).toBe(
      "Invalid field 'title': must not be empty",
    );
    expect(await problem({ deadline: 'next spring' })).toBe(
      "Invalid field 'deadline': 'next spring' is not a date; use YYYY-MM-DD",
    );
    expect(await problem({ startsAt: dayIn(10), deadline: dayIn(5) })).toBe(
      `Invalid field 'deadline': must be after 'startsAt' (${dayIn(10)})`,
    );
    expect(await problem({ ruleIds: ['nope'] })).toBe(
      "Invalid field 'ruleIds[0]': no rule 'nope'",
    );
    expect(await problem({ rules: [{ id: 'x', title: 'X' }] })).toBe(
      "Invalid field 'rules[0].check': is required",
    );
    expect(
      (await request(server).get(`${api}/initiatives`)).body.items,
    ).toEqual([]);

    const missing = await request(server)
      .get(`${api}/initiatives/99`)
      .expect(404);
    expect(missing.body.error.message).toBe("No initiative '99'");
    await request(server)
      .put(`${api}/initiatives/99`)
      .send(runbooks)
      .expect(404);
    await request(server).delete(`${api}/initiatives/99`).expect(404);
    await request(server).get(`${api}/initiatives/99/failing`).expect(404);
    await request(server).get(`${api}/initiatives/99/history`).expect(404);
    const filter = await request(server)
      .get(`${api}/entities?initiative=99`)
      .expect(400);
    expect(filter.body.error.message).toBe(
      "Invalid query parameter 'initiative': no initiative '99'",
    );
    await request(server).get(`${api}/groups?initiative=99`).expect(400);
  });

  it('lets only admins write, and needs credentials', async () => {
    const permissions = recordingPermissions();
    const server = await start({ permissions: permissions.factory });
    const { id } = (
      await request(server)
        .post(`${api}/initiatives`)
        .send(runbooks)
        .expect(201)
    ).body;

    permissions.denied.add(metadataQualityInitiativeManagePermission.name);
    const denied = await request(server)
      .post(`${api}/initiatives`)
      .send(runbooks)
      .expect(403);
    expect(denied.body.error.message).toBe(
      'Only admins may create, change or delete initiatives',
    );
    await request(server)
      .put(`${api}/initiatives/${id}`)
      .send(runbooks)
      .expect(403);
    await request(server).delete(`${api}/initiatives/${id}`).expect(403);
    await request(server).get(`${api}/initiatives/${id}`).expect(200);

    const none = mockCredentials.none.header();
    await request(server)
      .get(`${api}/initiatives`)
      .set('Authorization', none)
      .expect(401);
    await request(server)
      .post(`${api}/initiatives`)
      .set('Authorization', none)
      .send(runbooks)
      .expect(401);
    // The read permission guards the read routes.
    permissions.denied.add('metadata-quality.read');
    await request(server).get(`${api}/initiatives/${id}/failing`).expect(403);
    // Waits for the evaluation the creation started before the backend stops.
    await request(server).post(`${api}/evaluate`).expect(200);
  });
});
