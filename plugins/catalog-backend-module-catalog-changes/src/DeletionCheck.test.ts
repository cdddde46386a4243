import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CatalogChange,
  CatalogChangesService,
} from '@internal/backend-catalog-changes';
import { DeletionCheck } from './DeletionCheck';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

// `stored` are stored by the catalog after the listing, before the second look; `held` are held
// by the catalog (its refresh state) without being stored.
function setup(
  entities: Entity[],
  seenRefs: string[],
  stored: Entity[] = [],
  held: string[] = [],
  options: Partial<ConstructorParameters<typeof DeletionCheck>[0]> = {},
) {
  const seen = new Set(seenRefs);
  const counted = { times: 0 };
  const queued: CatalogChange[] = [];
  const changes = {
    enqueue: async (c: CatalogChange[]) => {
      queued.push(...c);
    },
    countSeen: async () => seen.size,
    listSeen: async () => [...seen],
    recordSeen: async (refs: string[]) => refs.forEach(r => seen.add(r)),
    forget: async (refs: string[]) => refs.forEach(r => seen.delete(r)),
  } as unknown as CatalogChangesService;
  const catalog = {
    queryEntities: (req: any, opts: any) => {
      counted.times += 1;
      return catalogServiceMock({ entities }).queryEntities(req, opts);
    },
    streamEntities: (req: any, opts: any) =>
      catalogServiceMock({ entities }).streamEntities(req, opts),
    getEntitiesByRefs: (req: any, opts: any) =>
      catalogServiceMock({
        entities: [...entities, ...stored],
      }).getEntitiesByRefs(req, opts),
  } as unknown as CatalogService;
  const check = new DeletionCheck({
    catalog,
    auth: mockServices.auth(),
    changes,
    logger: mockServices.logger.mock(),
    minListIntervalMs: 0,
    settleMs: 0,
    heldRefs: async refs => new Set(refs.filter(ref => held.includes(ref))),
    ...options,
  });
  return { check, queued, seen, counted };
}

describe('DeletionCheck', () => {
  it('does nothing while the counts agree', async () => {
    const { check, queued } = setup([component('a')], ['component:default/a']);
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect(queued).toEqual([]);
  });

  it('queues a deleted entity still missing when looked up again', async () => {
    const { check, queued, seen } = setup(
      [component('a')],
      ['component:default/a', 'component:default/b'],
    );
    expect(await check.run()).toEqual({ deleted: 1, unseen: 0 });
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect(queued).toEqual([
      { entityRef: 'component:default/b', reason: 'deleted' },
    ]);
    expect([...seen]).toEqual(['component:default/a']);
  });

  it('keeps an entity the catalog stored meanwhile, and queues one it has but was never seen', async () => {
    const { check, queued } = setup(
      [component('c')],
      ['component:default/b', 'component:default/d'],
      [component('b')],
    );
    expect(await check.run()).toEqual({ deleted: 1, unseen: 1 });
    expect(queued).toEqual([
      { entityRef: 'component:default/c', reason: 'changed' },
      { entityRef: 'component:default/d', reason: 'deleted' },
    ]);
  });

  it('does not take an entity the catalog holds but has not stored yet for deleted, nor for unseen once stored', async () => {
    const entities = [component('a')];
    const { check, queued, seen } = setup(
      entities,
      ['component:default/a', 'component:default/slow'],
      [],
      ['component:default/slow'],
    );
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect([...seen]).toEqual([
      'component:default/a',
      'component:default/slow',
    ]);
    // Stored at last: the counts agree and nothing is queued.
    entities.push(component('slow'));
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect(queued).toEqual([]);
  });

  it("compares the counts only when the catalog's membership version changed since they agreed", async () => {
    const entities = [component('a'), component('b')];
    let version = 'v1';
    const { check, queued, counted } = setup(
      entities,
      ['component:default/a', 'component:default/b'],
      [],
      [],
      { membershipVersion: async () => version },
    );
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect(counted.times).toBe(1);
    // b is deleted, but its removal has not reached the version yet: nothing is counted.
    entities.pop();
    expect(await check.run()).toEqual({ deleted: 0, unseen: 0 });
    expect(counted.times).toBe(1);
    version = 'v2';
    expect(await check.run()).toEqual({ deleted: 1, unseen: 0 });
    expect(queued).toEqual([
      { entityRef: 'component:default/b', reason: 'deleted' },
    ]);
  });

  it('compares the counts anyway once maxUncomparedMs has passed, or when the version cannot be read', async () => {
    const entities = [component('a')];
    const { check, counted } = setup(
      entities,
      ['component:default/a'],
      [],
      [],
      {
        membershipVersion: async () => 'v1',
        maxUncomparedMs: 0,
      },
    );
    await check.run();
    await check.run();
    expect(counted.times).toBe(2);

    const failing = setup(entities, ['component:default/a'], [], [], {
      membershipVersion: async () => {
        throw new Error('permission denied for view pg_stat_user_tables');
      },
    });
    await failing.check.run();
    await failing.check.run();
    expect(failing.counted.times).toBe(2);
  });
});
