import { storeTestDatabase } from '@internal/backend-test-utils';
import { DatabaseChangeRequestStore } from './DatabaseChangeRequestStore';
import { NewChangeRequest } from './ChangeRequestStore';

const db = storeTestDatabase('@internal/plugin-catalog-fixes-backend');
const { migrations } = db;

const request = (name: string, repository = name): NewChangeRequest => ({
  provider: 'local-git',
  repository,
  branch: `catalog-fixes/${name}-owner-1`,
  baseCommit: 'c0ffee',
  headCommit: 'f1x',
  title: `${name}: set spec.owner to logistics`,
  diff: '--- a/catalog-info.yaml\n+++ b/catalog-info.yaml\n',
  author: 'user:default/alice',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  entities: [
    {
      entityRef: `component:default/${name}`,
      path: 'catalog-info.yaml',
      baseHash: 'b10b',
      fix: { type: 'owner' },
    },
  ],
});

describe('DatabaseChangeRequestStore', () => {
  it('stores, lists by status and entity, and decides only open change requests', async () => {
    const knex = await db.migrated();
    const store = new DatabaseChangeRequestStore(knex);

    const parcels = await store.create(request('parcels'));
    // A handover's change request: several entities of one repository.
    const handover = await store.create({
      ...request('depots'),
      entities: [
        ...request('depots').entities,
        {
          entityRef: 'api:default/depots-api',
          path: 'catalog-info.yaml',
          baseHash: 'b10b',
          fix: { type: 'rule', ruleId: 'part-of-system' },
        },
      ],
    });
    expect(parcels).toMatchObject({ status: 'open', headCommit: 'f1x' });
    expect(await store.get(handover.id)).toEqual(handover);
    expect(handover.entities.map(e => e.entityRef)).toEqual([
      'api:default/depots-api',
      'component:default/depots',
    ]);

    const byEntity = await store.list({
      entityRef: 'api:default/depots-api',
      limit: 10,
      offset: 0,
    });
    expect(byEntity).toEqual({ items: [handover], totalCount: 1 });

    const merged = await store.decide(parcels.id, {
      status: 'merged',
      decidedBy: 'user:default/bob',
      decidedAt: new Date('2026-12-01T11:00:00Z'),
      headCommit: 'rem4de',
    });
    expect(merged).toMatchObject({
      status: 'merged',
      decidedBy: 'user:default/bob',
      headCommit: 'rem4de',
    });
    expect(
      await store.decide(parcels.id, {
        status: 'rejected',
        decidedBy: 'user:default/bob',
        decidedAt: new Date(),
        reason: 'late',
      }),
    ).toBeUndefined();

    const open = await store.list({ status: 'open', limit: 10, offset: 0 });
    expect(open.items.map(r => r.id)).toEqual([handover.id]);
    const all = await store.list({ limit: 1, offset: 0 });
    expect(all.totalCount).toBe(2);
    expect(all.items.map(r => r.id)).toEqual([handover.id]);
  });

  it('migrates down and up again', async () => {
    const knex = await db.migrated();
    await knex.migrate.rollback({ directory: migrations }, true);
    expect(await knex.schema.hasTable('change_requests')).toBe(false);
    expect(await knex.schema.hasTable('change_request_entities')).toBe(false);
    await knex.migrate.latest({ directory: migrations });
    expect(await knex.schema.hasTable('change_requests')).toBe(true);
  });
});
