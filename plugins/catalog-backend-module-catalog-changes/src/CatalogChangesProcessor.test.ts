import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { CatalogChange } from '@internal/backend-catalog-changes';
import { CatalogChangesProcessor } from './CatalogChangesProcessor';

// The catalog keeps one cache per entity: what `set` stored is what the next processing `get`s.
function entityCache(): CatalogProcessorCache {
  const values = new Map<string, any>();
  return {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

const component = (description: string, owner = 'team-a'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'a', namespace: 'default', description },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

function setup(fail = false) {
  const queued: CatalogChange[][] = [];
  const seen: string[] = [];
  const processor = new CatalogChangesProcessor({
    logger: mockServices.logger.mock(),
    changes: {
      enqueue: async (changes, options) => {
        if (fail) throw new Error('database down');
        queued.push(changes);
        seen.push(...(options?.seen ?? []));
      },
    },
  });
  const process = (entity: Entity, cache: CatalogProcessorCache) =>
    processor.postProcessEntity(
      entity,
      { type: 'url', target: 'https://git.example/a.yaml' },
      () => {},
      cache,
    );
  return { processor, process, queued, seen };
}

describe('CatalogChangesProcessor', () => {
  it('queues a new entity and the entities it names', async () => {
    const { process, queued, seen } = setup();
    await process(component('A'), entityCache());
    expect(queued).toEqual([
      [
        {
          entityRef: 'component:default/a',
          reason: 'created',
          contentHash: expect.any(String),
        },
        { entityRef: 'group:default/team-a', reason: 'related', delayMs: 3000 },
      ],
    ]);
    expect(seen).toEqual(['component:default/a']);
  });

  it('queues nothing when the entity is processed again unchanged', async () => {
    const { process, queued } = setup();
    const cache = entityCache();
    await process(component('A'), cache);
    await process(
      {
        ...component('A'),
        metadata: { ...component('A').metadata, etag: 'x' },
      },
      cache,
    );
    expect(queued).toHaveLength(1);
  });

  it('queues a changed entity with its old and new owner', async () => {
    const { process, queued } = setup();
    const cache = entityCache();
    await process(component('A'), cache);
    await process(component('B', 'team-b'), cache);
    expect(queued[1]).toEqual([
      {
        entityRef: 'component:default/a',
        reason: 'changed',
        contentHash: expect.any(String),
      },
      { entityRef: 'group:default/team-a', reason: 'related', delayMs: 3000 },
      { entityRef: 'group:default/team-b', reason: 'related', delayMs: 3000 },
    ]);
    expect(queued[1][0].contentHash).not.toBe(queued[0][0].contentHash);
  });

  it('queues a changed entity alone when it names the same entities as before', async () => {
    const { process, queued } = setup();
    const cache = entityCache();
    await process(component('A'), cache);
    await process(component('B'), cache);
    expect(queued[1]).toEqual([
      {
        entityRef: 'component:default/a',
        reason: 'changed',
        contentHash: expect.any(String),
      },
    ]);
  });

  it('keeps the old hash when the queue cannot be written, so the next processing queues it', async () => {
    const cache = entityCache();
    const failing = setup(true);
    await failing.process(component('A'), cache);
    expect(await cache.get('content')).toBeUndefined();
    const working = setup();
    await working.process(component('A'), cache);
    expect(working.queued).toHaveLength(1);
  });

  it('runs after the other processors', () => {
    expect(setup().processor.getPriority()).toBeGreaterThan(20);
  });
});
