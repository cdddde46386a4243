import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  LocationTargetsProcessor,
  TARGETS_ANNOTATION,
} from './LocationTargetsProcessor';

const processor = new LocationTargetsProcessor((url, base) =>
  new URL(url, base).toString(),
);

const location = (targets: unknown, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'all', annotations: { keep: 'me' } },
  spec: { ...(type ? { type } : {}), targets } as any,
});

async function pre(entity: Entity, at: { type: string; target: string }) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.preProcessEntity(entity, at, r =>
    emitted.push(r),
  );
  return { result, emitted };
}

describe('LocationTargetsProcessor', () => {
  it('emits each url target as a location of its own, resolved against the Location file', async () => {
    const { result, emitted } = await pre(
      location(['./a.yaml', 'sub/b.yaml', 'https://other.example/c.yaml']),
      { type: 'url', target: 'https://git.example/repo/all.yaml' },
    );
    expect(emitted).toEqual([
      {
        type: 'location',
        location: {
          type: 'url',
          target: 'https://git.example/repo/a.yaml',
          presence: undefined,
        },
      },
      {
        type: 'location',
        location: {
          type: 'url',
          target: 'https://git.example/repo/sub/b.yaml',
          presence: undefined,
        },
      },
      {
        type: 'location',
        location: {
          type: 'url',
          target: 'https://other.example/c.yaml',
          presence: undefined,
        },
      },
    ]);
    expect(result.spec).not.toHaveProperty('targets');
  });

  it('resolves relative file targets against the directory of the Location file', async () => {
    const { emitted } = await pre(location(['./a.yaml', '/abs/b.yaml']), {
      type: 'file',
      target: '/catalog/examples/all.yaml',
    });
    expect(emitted.map(e => (e as any).location.target)).toEqual([
      '/catalog/examples/a.yaml',
      '/abs/b.yaml',
    ]);
  });

  it('gives the stored Location its targets back after processing', async () => {
    const original = location(['./a.yaml', './b.yaml']);
    const { result } = await pre(original, {
      type: 'url',
      target: 'https://git.example/all.yaml',
    });
    const restored = await processor.postProcessEntity(result);
    expect(restored).toEqual(original);
    expect(restored.metadata.annotations).not.toHaveProperty(
      TARGETS_ANNOTATION,
    );
  });

  it('leaves single-target Locations and other kinds alone', async () => {
    const single: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'one' },
      spec: { type: 'url', target: 'https://git.example/a.yaml' },
    };
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'c' },
      spec: { targets: ['x'] },
    };
    for (const entity of [single, component]) {
      const { result, emitted } = await pre(entity, {
        type: 'url',
        target: 'https://git.example/all.yaml',
      });
      expect(result).toBe(entity);
      expect(emitted).toEqual([]);
    }
  });

  it('skips targets that are not strings, for the catalog to report', async () => {
    const { emitted } = await pre(location([42, '', './a.yaml']), {
      type: 'url',
      target: 'https://git.example/all.yaml',
    });
    expect(emitted).toHaveLength(1);
  });
});
