import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogEntity,
  groupEntity,
  recordingPermissions,
  standInPlugin,
} from '@internal/backend-test-utils';
import { git } from '@internal/plugin-scaffolder-backend-module-local-git';
import path from 'node:path';
import {
  localGitRepositoriesPerTest,
  startCatalogFixesBackend,
} from './__testUtils__/catalogFixesTestBackend';

jest.setTimeout(60_000);

const MARTIN = 'user:default/martin.keller';
const LOGISTICS = 'group:default/logistics';

const doc = (
  kind: string,
  name: string,
  owner: string,
) => `apiVersion: backstage.io/v1alpha1
kind: ${kind}
metadata:
  name: ${name} # kept
spec:
  type: service
  owner: ${owner}
`;

// Repository parcels: two entities in one file, one in another; routes: one of martin's, one of
// an emptied group's.
const REPOS: Record<string, Record<string, string>> = {
  parcels: {
    'catalog-info.yaml': `${doc('Component', 'parcels', MARTIN)}---\n${doc(
      'API',
      'parcels-api',
      'martin.keller',
    )}`,
    'depots/catalog-info.yaml': doc('Component', 'depots', MARTIN),
  },
  routes: {
    'catalog-info.yaml': `${doc('Component', 'routes', MARTIN)}---\n${doc(
      'Component',
      'planner',
      'ghosts',
    )}`,
  },
};

const finding = (
  entityRef: string,
  type: string,
  ownerRef: string,
  suggestedOwner: string,
) => ({
  id: 1,
  entityRef,
  kind: entityRef.split(':')[0],
  namespace: 'default',
  name: entityRef.split('/')[1],
  type,
  severity: 'error',
  ownerRef,
  message: `Owner '${ownerRef}' left`,
  suggestedOwner,
  firstSeen: '2026-12-06T10:00:00Z',
  lastSeen: '2026-12-06T10:00:00Z',
});

const FINDINGS = [
  ...[
    'component:default/parcels',
    'api:default/parcels-api',
    'component:default/depots',
    'component:default/routes',
    'component:default/example',
  ].map(ref => finding(ref, 'departedUser', MARTIN, LOGISTICS)),
  finding(
    'component:default/planner',
    'emptyGroup',
    'group:default/ghosts',
    'group:default/engineering',
  ),
  // Not a handover: a person who is still here owns it.
  finding(
    'component:default/other',
    'userOwner',
    'user:default/ann',
    LOGISTICS,
  ),
];

/** Owner validation's findings over HTTP, as it serves them. */
const ownerValidation = standInPlugin('owner-validation', router => {
  router.get('/findings', (_req, res) => {
    res.json({
      items: FINDINGS,
      totalCount: FINDINGS.length,
      limit: 500,
      offset: 0,
    });
  });
  router.post('/evaluate', (_req, res) => {
    res.json({ runId: 1, entityCount: 1, notified: 0, durationMs: 1 });
  });
});

describe('handovers', () => {
  const local = localGitRepositoriesPerTest('handovers-test-', REPOS);
  const permissions = recordingPermissions();
  const sent: any[] = [];
  let memberOf: string[];
  // The scheduled handover sync, run by the test when the backend is up.
  let syncTask: () => Promise<void> | void;

  beforeEach(async () => {
    permissions.reset();
    sent.length = 0;
    memberOf = ['user:default/mock', LOGISTICS];
  });

  function located(
    kind: string,
    name: string,
    repository: string,
    file = 'catalog-info.yaml',
  ): Entity {
    const location = `file:${path.join(
      local.repositories.paths(repository).checkout,
      file,
    )}`;
    return catalogEntity(
      kind,
      name,
      { type: 'service', owner: MARTIN },
      { annotations: { 'backstage.io/managed-by-location': location } },
    );
  }

  async function start() {
    const api = await startCatalogFixesBackend({
      root: local.root,
      features: [
        ownerValidation,
        mockServices.scheduler.mock({
          async scheduleTask(task) {
            syncTask = () => task.fn(new AbortController().signal);
          },
        }).factory,
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: 'user:default/mock',
            ownershipEntityRefs: memberOf,
          }),
        }).factory,
      ],
      entities: [
        located('Component', 'parcels', 'parcels'),
        located('API', 'parcels-api', 'parcels'),
        located('Component', 'depots', 'parcels', 'depots/catalog-info.yaml'),
        located('Component', 'routes', 'routes'),
        located('Component', 'planner', 'routes'),
        catalogEntity(
          'Component',
          'example',
          { owner: MARTIN },
          {
            annotations: {
              'backstage.io/managed-by-location': `file:${local.root}/examples/components.yaml`,
            },
          },
        ),
        groupEntity('logistics'),
        groupEntity('engineering'),
        groupEntity('platform'),
      ],
      permissions: permissions.factory,
      send: n => {
        sent.push(n);
      },
      catalogFixes: {
        handovers: {
          schedule: {
            frequency: { seconds: 1 },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 0 },
          },
        },
      },
    });
    await syncTask();
    const { body } = await api.get('/handovers?status=open').expect(200);
    return { api, handovers: body.items };
  }

  const show = (repository: string, ref: string, file: string) =>
    git(['show', `${ref}:${file}`], local.repositories.paths(repository).bare);

  it('opens one handover per subject, notifies the team, and opens one change request per repository on acceptance', async () => {
    const { api, handovers } = await start();
    const martin = handovers.find((h: any) => h.subjectRef === MARTIN);
    expect(martin).toMatchObject({
      reason: 'departedUser',
      status: 'open',
      teams: [LOGISTICS],
      progress: { total: 5, handedOver: 0, pending: 5, openChangeRequests: 0 },
    });
    expect(martin.entities).toBeUndefined();
    expect(sent).toHaveLength(2);
    expect(sent).toContainEqual({
      recipients: { type: 'entity', entityRef: LOGISTICS },
      payload: expect.objectContaining({
        title: 'Take over 5 entities of martin.keller',
        link: `/ownership/handovers/${martin.id}`,
        topic: 'handover',
      }),
    });

    const detail = await api.get(`/handovers/${martin.id}`).expect(200);
    expect(
      detail.body.entities.map((e: any) => [
        e.entityRef,
        e.provider,
        e.repository ?? null,
        e.path,
      ]),
    ).toEqual([
      ['api:default/parcels-api', 'local-git', 'parcels', 'catalog-info.yaml'],
      [
        'component:default/depots',
        'local-git',
        'parcels',
        'depots/catalog-info.yaml',
      ],
      ['component:default/example', 'file', null, 'examples/components.yaml'],
      [
        'component:default/parcels',
        'local-git',
        'parcels',
        'catalog-info.yaml',
      ],
      ['component:default/routes', 'local-git', 'routes', 'catalog-info.yaml'],
    ]);

    // Every pending entity a change request can be made for: one per repository.
    const accepted = await api
      .post(`/handovers/${martin.id}/accept`)
      .send({})
      .expect(200);
    const requests = accepted.body.changeRequests;
    expect(
      requests.map((r: any) => [r.repository, r.title, r.entities.length]),
    ).toEqual([
      ['parcels', 'Hand over 3 entities of martin.keller to logistics', 3],
      ['routes', 'Hand over routes of martin.keller to logistics', 1],
    ]);
    expect(requests[0].entities[0].fix).toEqual({
      type: 'handover',
      handoverId: martin.id,
      owner: LOGISTICS,
    });
    expect(await show('parcels', requests[0].branch, 'catalog-info.yaml')).toBe(
      REPOS.parcels['catalog-info.yaml']
        .replace(`owner: ${MARTIN}`, 'owner: logistics')
        .replace('owner: martin.keller', 'owner: logistics'),
    );
    expect(
      await show('parcels', requests[0].branch, 'depots/catalog-info.yaml'),
    ).toContain('owner: logistics');
    // Only martin's entity of routes changes; the emptied group's stays for its own handover.
    expect(await show('routes', requests[1].branch, 'catalog-info.yaml')).toBe(
      REPOS.routes['catalog-info.yaml'].replace(
        `owner: ${MARTIN}`,
        'owner: logistics',
      ),
    );
    expect(accepted.body.handover.progress).toEqual({
      total: 5,
      handedOver: 0,
      pending: 1,
      openChangeRequests: 2,
      mergedChangeRequests: 0,
    });

    // Already accepted: 409.
    await api
      .post(`/handovers/${martin.id}/accept`)
      .send({ entityRefs: ['component:default/parcels'] })
      .expect(409);

    // Merged: handed over.
    for (const request of requests) {
      await api.post(`/change-requests/${request.id}/merge`).expect(200);
    }
    const after = await api.get(`/handovers/${martin.id}`).expect(200);
    expect(after.body.progress).toMatchObject({
      handedOver: 4,
      pending: 1,
      openChangeRequests: 0,
      mergedChangeRequests: 2,
    });
    expect(
      after.body.entities.find(
        (e: any) => e.entityRef === 'component:default/parcels',
      ),
    ).toMatchObject({
      state: 'handedOver',
      team: LOGISTICS,
      acceptedBy: 'user:default/mock',
    });
  });

  it("lets an emptied group's entities go to a team picked instead, by its member", async () => {
    const { api, handovers } = await start();
    const ghosts = handovers.find((h: any) => h.reason === 'emptyGroup');
    expect(ghosts).toMatchObject({
      subjectRef: 'group:default/ghosts',
      teams: ['group:default/engineering'],
    });
    // Neither of engineering nor of platform, and no admin: 403.
    permissions.denied.add('catalog-fixes.handover.accept-any');
    await api
      .post(`/handovers/${ghosts.id}/accept`)
      .send({ team: 'platform' })
      .expect(403);
    memberOf = ['user:default/mock', 'group:default/platform'];
    const accepted = await api
      .post(`/handovers/${ghosts.id}/accept`)
      .send({ entityRefs: ['Component:default/planner'], team: 'platform' })
      .expect(200);
    expect(accepted.body.changeRequests[0].title).toBe(
      'Hand over planner of ghosts to platform',
    );
    expect(accepted.body.handover.entities[0]).toMatchObject({
      state: 'accepted',
      suggestedTeam: 'group:default/engineering',
      team: 'group:default/platform',
    });
  });

  it('answers 400, 401, 403 and 404 as the contract says', async () => {
    const { api, handovers } = await start();
    const martin = handovers.find((h: any) => h.subjectRef === MARTIN);
    const accept = (body: object) =>
      api.post(`/handovers/${martin.id}/accept`).send(body);

    const notARef = await accept({ entityRefs: ['parcels:'] }).expect(400);
    expect(notARef.body.error.message).toMatch(
      /^entityRefs\.0: 'parcels:' is not an entity reference/,
    );
    const other = await accept({
      entityRefs: ['component:default/parcels', 'component:default/nope'],
    }).expect(400);
    expect(other.body.error.message).toBe(
      `entityRefs.1: 'component:default/nope' is not an entity of handover ${martin.id}`,
    );
    const file = await accept({
      entityRefs: ['component:default/example'],
    }).expect(400);
    expect(file.body.error.message).toMatch(
      /^entityRefs\.0: no change request can be opened for 'component:default\/example'/,
    );
    const team = await accept({ team: 'nobody' }).expect(400);
    expect(team.body.error.message).toBe(
      "team: no group 'group:default/nobody' in the catalog",
    );
    await accept({ entityRefs: [] }).expect(400);
    await accept({ colour: 'red' }).expect(400);
    await api.get('/handovers?status=maybe').expect(400);

    await api.anonymous(`/handovers/${martin.id}/accept`).send({}).expect(401);
    permissions.denied.add('catalog-fixes.read');
    await api.get('/handovers').expect(403);
    await api.get(`/handovers/${martin.id}`).expect(403);
    permissions.denied.clear();
    permissions.denied.add('catalog-fixes.handover.accept');
    await accept({}).expect(403);
    permissions.denied.clear();
    // A member of neither the suggested nor the picked team, without accept-any.
    memberOf = ['user:default/mock'];
    permissions.denied.add('catalog-fixes.handover.accept-any');
    const notMember = await accept({}).expect(403);
    expect(notMember.body.error.message).toBe(
      "Only members of group:default/logistics or the admins may accept 'api:default/parcels-api'",
    );
    permissions.denied.clear();

    await api.get('/handovers/999999').expect(404);
    await api.post('/handovers/999999/accept').send({}).expect(404);
    // Nothing was claimed by the refused requests.
    expect(
      (await api.get(`/handovers/${martin.id}`)).body.progress.pending,
    ).toBe(5);
  });
});
