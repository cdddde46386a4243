import { storeTestDatabase } from '@internal/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { DatabaseChangeRequestStore } from './DatabaseChangeRequestStore';
import { DatabaseHandoverStore } from './DatabaseHandoverStore';
import { SyncedHandoverPlan } from './HandoverStore';

const db = storeTestDatabase('@internal/plugin-catalog-fixes-backend');
const { migrations } = db;
const MARTIN = 'user:default/martin.keller';
const LOGISTICS = 'group:default/logistics';
const at = new Date('2026-12-06T10:00:00Z');

const plan = (...names: string[]): SyncedHandoverPlan => ({
  subjectRef: MARTIN,
  reason: 'departedUser',
  entities: names.map(name => ({
    entityRef: `component:default/${name}`,
    suggestedTeam: LOGISTICS,
    provider: 'local-git',
    repository: name === 'example' ? undefined : 'parcels',
    path: 'catalog-info.yaml',
  })),
});

async function setUp() {
  const knex = await db.migrated();
  return {
    knex,
    store: new DatabaseHandoverStore(knex),
    requests: new DatabaseChangeRequestStore(knex),
  };
}

describe('DatabaseHandoverStore', () => {
  it('opens one handover per subject, adds and resolves entities, and tracks acceptance to merged', async () => {
    const { store, requests } = await setUp();
    const first = await store.sync([plan('parcels', 'depots')], at);
    expect(first).toEqual({
      opened: [expect.any(Number)],
      added: 2,
      resolved: 0,
    });
    const [id] = first.opened;
    // The same findings again change nothing; a new entity joins the open handover.
    expect(await store.sync([plan('parcels', 'depots')], at)).toEqual({
      opened: [],
      added: 0,
      resolved: 0,
    });
    expect(
      await store.sync([plan('parcels', 'depots', 'example')], at),
    ).toEqual({ opened: [], added: 1, resolved: 0 });
    let handover = (await store.get(id))!;
    expect(handover).toMatchObject({
      subjectRef: MARTIN,
      reason: 'departedUser',
      status: 'open',
      teams: [LOGISTICS],
      progress: { total: 3, handedOver: 0, pending: 3, openChangeRequests: 0 },
    });

    // Told once per team.
    expect(await store.unnotified()).toEqual([
      {
        handoverId: id,
        subjectRef: MARTIN,
        team: LOGISTICS,
        entityRefs: [
          'component:default/depots',
          'component:default/example',
          'component:default/parcels',
        ],
      },
    ]);
    await store.markNotified(id, LOGISTICS, at);
    expect(await store.unnotified()).toEqual([]);

    // Accepted, all or nothing; a second acceptance is a conflict.
    const refs = ['component:default/depots', 'component:default/parcels'];
    await store.claim(
      id,
      refs.map(entityRef => ({ entityRef, team: LOGISTICS })),
      'user:default/ann',
      at,
    );
    await expect(
      store.claim(
        id,
        [
          { entityRef: 'component:default/example', team: LOGISTICS },
          { entityRef: 'component:default/parcels', team: LOGISTICS },
        ],
        'user:default/bob',
        at,
      ),
    ).rejects.toThrow(ConflictError);
    expect((await store.get(id))!.progress.pending).toBe(1);

    const request = await requests.create({
      provider: 'local-git',
      repository: 'parcels',
      branch: 'catalog-fixes/handover-1',
      baseCommit: 'c0ffee',
      headCommit: 'f1x',
      title: 'Hand over',
      diff: '',
      author: 'user:default/ann',
      createdAt: at,
      entities: refs.map(entityRef => ({
        entityRef,
        path: 'catalog-info.yaml',
        baseHash: 'b10b',
        fix: { type: 'handover', handoverId: id, owner: LOGISTICS },
      })),
    });
    await store.attach(id, refs, request.id);
    handover = (await store.get(id))!;
    expect(handover.progress).toEqual({
      total: 3,
      handedOver: 0,
      pending: 1,
      openChangeRequests: 1,
      mergedChangeRequests: 0,
    });
    expect(handover.entities.find(e => e.entityRef === refs[0])).toMatchObject({
      state: 'accepted',
      team: LOGISTICS,
      acceptedBy: 'user:default/ann',
      changeRequestId: request.id,
    });

    // Merged: handed over. The finding of the example went away otherwise: resolved.
    await requests.decide(request.id, {
      status: 'merged',
      decidedBy: 'user:default/ann',
      decidedAt: at,
    });
    expect(await store.sync([plan('parcels', 'depots')], at)).toMatchObject({
      resolved: 1,
    });
    handover = (await store.get(id))!;
    expect(handover.status).toBe('completed');
    expect(handover.progress).toMatchObject({
      total: 3,
      handedOver: 3,
      mergedChangeRequests: 1,
    });
    expect(await store.list({ status: 'open' })).toEqual([]);
    // Findings the owner check has not yet re-read open no second handover.
    expect(await store.sync([plan('parcels', 'depots')], at)).toMatchObject({
      opened: [],
    });
    expect(await store.list({})).toHaveLength(1);
  });

  it('makes entities pending again when their change request is rejected or released', async () => {
    const { store, requests } = await setUp();
    const [id] = (await store.sync([plan('parcels', 'depots')], at)).opened;
    const claim = [{ entityRef: 'component:default/parcels', team: LOGISTICS }];
    await store.claim(id, claim, 'user:default/ann', at);
    await store.release(id, ['component:default/parcels']);
    expect((await store.get(id))!.progress.pending).toBe(2);

    await store.claim(id, claim, 'user:default/ann', at);
    const request = await requests.create({
      provider: 'local-git',
      repository: 'parcels',
      branch: 'b',
      baseCommit: 'c',
      title: 't',
      diff: '',
      author: 'user:default/ann',
      createdAt: at,
      entities: [
        {
          entityRef: 'component:default/parcels',
          path: 'catalog-info.yaml',
          baseHash: 'b',
          fix: { type: 'handover', handoverId: id, owner: LOGISTICS },
        },
      ],
    });
    await store.attach(id, ['component:default/parcels'], request.id);
    await requests.decide(request.id, {
      status: 'rejected',
      decidedBy: 'user:default/ann',
      decidedAt: at,
      reason: 'not ours',
    });
    const entity = (await store.get(id))!.entities.find(
      e => e.entityRef === 'component:default/parcels',
    );
    expect(entity).toEqual({
      entityRef: 'component:default/parcels',
      suggestedTeam: LOGISTICS,
      provider: 'local-git',
      repository: 'parcels',
      path: 'catalog-info.yaml',
      state: 'pending',
    });
    await store.claim(id, claim, 'user:default/bob', at);
  });

  it('migrates down and up again', async () => {
    const { knex } = await setUp();
    await knex.migrate.down({ directory: migrations });
    expect(await knex.schema.hasTable('handovers')).toBe(false);
    expect(await knex.schema.hasTable('handover_entities')).toBe(false);
    expect(await knex.schema.hasTable('change_requests')).toBe(true);
    await knex.migrate.latest({ directory: migrations });
    expect(await knex.schema.hasTable('handover_entities')).toBe(true);
  });
});
