import { testPostgres } from '@internal/backend-test-utils';
import { Knex } from 'knex';
import {
  DatabaseCatalogChanges,
  migrateCatalogChanges,
} from './DatabaseCatalogChanges';
import { toldTimes } from './__testUtils__/toldTimes';

const databases = testPostgres();

async function setup(): Promise<{ knex: Knex; queue: DatabaseCatalogChanges }> {
  const knex = await databases.init();
  await migrateCatalogChanges(knex);
  return { knex, queue: new DatabaseCatalogChanges(knex) };
}

const claim = (queue: DatabaseCatalogChanges, claimant: string, limit = 10) =>
  queue.claim('quality', { claimant, limit, leaseMs: 60_000 });

describe('DatabaseCatalogChanges', () => {
  it('migrates up and down', async () => {
    const knex = await databases.init();
    await migrateCatalogChanges(knex);
    expect(await knex.schema.hasTable('catalog_change_queue')).toBe(true);
    await migrateCatalogChanges(knex, 'down');
    expect(await knex.schema.hasTable('catalog_change_queue')).toBe(false);
    expect(await knex.schema.hasTable('catalog_change_consumers')).toBe(false);
    await migrateCatalogChanges(knex);
    expect(await knex.schema.hasTable('catalog_change_entities')).toBe(true);
  });

  it('queues a change once per registered consumer, renewing a queued ref', async () => {
    const { knex, queue } = await setup();
    expect(await queue.registerConsumer('quality')).toEqual({ created: true });
    expect(await queue.registerConsumer('quality')).toEqual({ created: false });
    await queue.registerConsumer('owners');
    await queue.enqueue([
      {
        entityRef: 'component:default/a',
        reason: 'created',
        contentHash: 'h1',
      },
      {
        entityRef: 'component:default/a',
        reason: 'changed',
        contentHash: 'h2',
      },
    ]);
    await queue.enqueue([
      {
        entityRef: 'component:default/a',
        reason: 'changed',
        contentHash: 'h3',
      },
    ]);
    await queue.enqueue(
      [{ entityRef: 'component:default/b', reason: 'owner-finding' }],
      { consumers: ['quality'] },
    );
    const rows = await knex('catalog_change_queue')
      .select('consumer', 'entity_ref', 'content_hash')
      .orderBy(['consumer', 'entity_ref']);
    expect(rows).toEqual([
      {
        consumer: 'owners',
        entity_ref: 'component:default/a',
        content_hash: 'h3',
      },
      {
        consumer: 'quality',
        entity_ref: 'component:default/a',
        content_hash: 'h3',
      },
      {
        consumer: 'quality',
        entity_ref: 'component:default/b',
        content_hash: null,
      },
    ]);
  });

  it('keeps the content hash and the earlier time, and gains the reason, when a change joins a queued one', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    await queue.enqueue([
      {
        entityRef: 'component:default/a',
        reason: 'changed',
        contentHash: 'h1',
      },
      { entityRef: 'component:default/b', reason: 'related', delayMs: 60_000 },
    ]);
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'related', delayMs: 60_000 },
    ]);
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'related', delayMs: 60_000 },
    ]);
    const claimed = await claim(queue, 'one');
    expect(claimed.map(c => [c.entityRef, c.reason, c.contentHash])).toEqual([
      ['component:default/a', 'changed,related', 'h1'],
    ]);
  });

  it('leaves a row waiting for its first claim as it is when a change adds nothing to it', async () => {
    const { knex, queue } = await setup();
    await queue.registerConsumer('quality');
    const related = {
      entityRef: 'group:default/team',
      reason: 'related',
      delayMs: 3000,
    };
    const seq = async () =>
      (await knex('catalog_change_queue').first('change_seq')).change_seq;
    await queue.enqueue([related]);
    const first = await seq();
    // The same change again (another component of the team ingested): nothing written.
    await queue.enqueue([related]);
    expect(await seq()).toBe(first);
    // A new reason, a content hash or an earlier time is written.
    await queue.enqueue([{ ...related, reason: 'changed', contentHash: 'h1' }]);
    const changed = await seq();
    expect(changed).not.toBe(first);
    await queue.enqueue([{ ...related, delayMs: 0 }]);
    expect(await seq()).not.toBe(changed);
    // Claimed, the row is renewed, so that completing the claim leaves it queued.
    const batch = await queue.claim('quality', {
      claimant: 'one',
      limit: 10,
      leaseMs: 60_000,
    });
    await queue.enqueue([related]);
    await queue.complete('one', batch);
    expect(
      (await claim(queue, 'two')).map(c => [
        c.entityRef,
        c.reason,
        c.contentHash,
      ]),
    ).toEqual([['group:default/team', 'changed,related', 'h1']]);
  });

  it('keeps every reason and the content hash of changes of one ref queued together', async () => {
    // A batch of processed entities: `a` changed, and `b`, processed with it, names `a`.
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    await queue.enqueue([
      { entityRef: 'group:default/a', reason: 'changed', contentHash: 'h1' },
      {
        entityRef: 'component:default/b',
        reason: 'created',
        contentHash: 'h2',
      },
      { entityRef: 'group:default/a', reason: 'related', delayMs: 60_000 },
    ]);
    const claimed = await claim(queue, 'one');
    expect(
      claimed.map(c => [c.entityRef, c.reason, c.contentHash]).sort(),
    ).toEqual([
      ['component:default/b', 'created', 'h2'],
      ['group:default/a', 'changed,related', 'h1'],
    ]);
    expect(await queue.kindsVersion(['group'])).toMatch(/^group:\d+$/);
  });

  it('tells listeners of every process sharing the queue once changes are queued', async () => {
    const { knex, queue } = await setup();
    await queue.registerConsumer('quality');
    const other = new DatabaseCatalogChanges(knex);
    let told = 0;
    const stop = other.onQueued(() => told++);
    try {
      // Called once listening: what was queued before was not notified.
      await toldTimes(() => told, 1);
      await queue.enqueue([
        { entityRef: 'component:default/a', reason: 'changed' },
      ]);
      await toldTimes(() => told, 2);
      await queue.enqueue([]);
      await new Promise(r => setTimeout(r, 200));
      expect(told).toBe(2);
    } finally {
      stop();
      await other.close();
    }
  });

  it('tells when the earliest queued change may be claimed', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    expect(await queue.nextAvailableInMs('quality')).toBeUndefined();
    await queue.enqueue([
      { entityRef: 'group:default/a', reason: 'related', delayMs: 60_000 },
    ]);
    const later = await queue.nextAvailableInMs('quality');
    expect(later).toBeGreaterThan(50_000);
    expect(later).toBeLessThanOrEqual(60_000);
    await queue.enqueue([
      { entityRef: 'component:default/b', reason: 'changed' },
    ]);
    expect(await queue.nextAvailableInMs('quality')).toBe(0);
    // Claimed: not claimable again until its lease ends.
    await queue.claim('quality', {
      claimant: 'one',
      limit: 1,
      leaseMs: 30_000,
    });
    const leased = await queue.nextAvailableInMs('quality');
    expect(leased).toBeGreaterThan(20_000);
    expect(leased).toBeLessThanOrEqual(30_000);
  });

  it('gives each change to one of two claimants claiming at once', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    const refs = Array.from(
      { length: 50 },
      (_, i) => `component:default/c${i}`,
    );
    await queue.enqueue(
      refs.map(entityRef => ({ entityRef, reason: 'changed' })),
    );
    const [first, second] = await Promise.all([
      claim(queue, 'one', 30),
      claim(queue, 'two', 30),
    ]);
    const claimed = [...first, ...second].map(c => c.entityRef);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(50);
    expect(await claim(queue, 'three')).toEqual([]);
  });

  it('completes handled changes but keeps one queued again during the claim', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'changed' },
      { entityRef: 'component:default/b', reason: 'changed' },
    ]);
    const batch = await claim(queue, 'one');
    await queue.enqueue([
      { entityRef: 'component:default/b', reason: 'changed' },
    ]);
    await queue.complete('one', batch);
    const again = await claim(queue, 'two');
    expect(again.map(c => c.entityRef)).toEqual(['component:default/b']);
  });

  it('lets another claimant take the changes of one whose lease ended', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'changed' },
    ]);
    const dead = await queue.claim('quality', {
      claimant: 'dies',
      limit: 10,
      leaseMs: 200,
    });
    expect(dead).toHaveLength(1);
    expect(await claim(queue, 'alive')).toEqual([]);
    await new Promise(resolve => setTimeout(resolve, 300));
    const taken = await claim(queue, 'alive');
    expect(taken.map(c => [c.entityRef, c.attempts])).toEqual([
      ['component:default/a', 2],
    ]);
    await queue.complete('alive', taken);
    expect(await claim(queue, 'alive')).toEqual([]);
  });

  it('retries a change after a delay', async () => {
    const { queue } = await setup();
    await queue.registerConsumer('quality');
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'changed' },
    ]);
    const batch = await claim(queue, 'one');
    await queue.retry('one', batch, 300);
    expect(await claim(queue, 'one')).toEqual([]);
    await new Promise(resolve => setTimeout(resolve, 400));
    expect(await claim(queue, 'one')).toHaveLength(1);
  });

  it('remembers, counts, lists and forgets seen refs', async () => {
    const { queue } = await setup();
    await queue.recordSeen(['component:default/a', 'component:default/b']);
    await queue.recordSeen(['component:default/a']);
    expect(await queue.countSeen()).toBe(2);
    await queue.forget(['component:default/a']);
    expect(await queue.listSeen()).toEqual(['component:default/b']);
    // The processor's changes and the refs it saw, in one transaction.
    await queue.registerConsumer('quality');
    await queue.enqueue(
      [{ entityRef: 'component:default/c', reason: 'created' }],
      { seen: ['component:default/c'] },
    );
    expect((await queue.listSeen()).sort()).toEqual([
      'component:default/b',
      'component:default/c',
    ]);
    expect((await claim(queue, 'one')).map(c => c.entityRef)).toEqual([
      'component:default/c',
    ]);
  });

  it('versions the kinds whose entities changed, not those only named by a change', async () => {
    const { queue } = await setup();
    const org = () => queue.kindsVersion(['User', 'group']);
    expect(await org()).toBe('');
    await queue.enqueue([
      { entityRef: 'component:default/a', reason: 'created' },
      { entityRef: 'group:default/team', reason: 'related' },
    ]);
    expect(await org()).toBe('');
    await queue.enqueue([{ entityRef: 'user:default/ann', reason: 'created' }]);
    const first = await org();
    expect(first).toMatch(/^user:\d+$/);
    await queue.enqueue([
      { entityRef: 'component:default/b', reason: 'changed' },
      { entityRef: 'user:default/ann', reason: 'related' },
    ]);
    expect(await org()).toBe(first);
    await queue.enqueue([
      { entityRef: 'group:default/team', reason: 'deleted' },
    ]);
    const second = await org();
    expect(second).toMatch(/^group:\d+,user:\d+$/);
    await queue.enqueue([{ entityRef: 'user:default/bob', reason: 'changed' }]);
    expect(await org()).not.toBe(second);
  });
});
