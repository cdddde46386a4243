import { CatalogChange } from '@internal/backend-catalog-changes';
import { ChangeBatcher } from './ChangeBatcher';

/** A queue that records each write and holds it until `release` is called. */
function heldQueue() {
  const writes: { changes: string[]; seen: string[] }[] = [];
  const releases: ((error?: Error) => void)[] = [];
  return {
    writes,
    release(error?: Error) {
      releases.shift()!(error);
    },
    queue: {
      enqueue: (changes: CatalogChange[], options?: { seen?: string[] }) =>
        new Promise<void>((resolve, reject) => {
          writes.push({
            changes: changes.map(c => c.entityRef),
            seen: options?.seen ?? [],
          });
          releases.push(error => (error ? reject(error) : resolve()));
        }),
    },
  };
}

const change = (entityRef: string): CatalogChange => ({
  entityRef,
  reason: 'changed',
});

describe('ChangeBatcher', () => {
  it('writes a lone change at once, and the changes arriving meanwhile together after it', async () => {
    const { queue, writes, release } = heldQueue();
    const batcher = new ChangeBatcher(queue);
    const settled: string[] = [];
    const add = (ref: string) =>
      batcher.add([change(ref)], [ref]).then(() => settled.push(ref));

    const first = add('component:default/a');
    await Promise.resolve();
    expect(writes).toEqual([
      { changes: ['component:default/a'], seen: ['component:default/a'] },
    ]);
    const rest = ['b', 'c', 'd'].map(n => add(`component:default/${n}`));
    await Promise.resolve();
    expect(writes).toHaveLength(1);
    expect(settled).toEqual([]);

    release();
    await first;
    await new Promise(r => setImmediate(r));
    expect(writes[1].changes).toEqual([
      'component:default/b',
      'component:default/c',
      'component:default/d',
    ]);
    expect(settled).toEqual(['component:default/a']);

    release();
    await Promise.all(rest);
    expect(writes).toHaveLength(2);
    expect(writes[1].seen).toEqual([
      'component:default/b',
      'component:default/c',
      'component:default/d',
    ]);
  });

  it('fails every change of a failed write, and writes later ones again', async () => {
    const { queue, writes, release } = heldQueue();
    const batcher = new ChangeBatcher(queue);
    const failed = batcher.add([change('component:default/a')], []);
    await Promise.resolve();
    release(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');

    const next = batcher.add([change('component:default/a')], []);
    await Promise.resolve();
    expect(writes).toHaveLength(2);
    release();
    await expect(next).resolves.toBeUndefined();
  });
});
