import { mockServices } from '@backstage/backend-test-utils';
import { CatalogChangesService, ClaimedChange } from './CatalogChanges';
import { CatalogChangeConsumer } from './CatalogChangeConsumer';

const change = (n: number): ClaimedChange => ({
  id: String(n),
  entityRef: `component:default/c${n}`,
  reason: 'changed',
  changeSeq: String(n),
  enqueuedAt: new Date(),
  attempts: 1,
});

// Only the calls the consumer makes, recorded.
function queueOf(batches: ClaimedChange[][]) {
  const calls: string[] = [];
  const queue = {
    claim: async () => batches.shift() ?? [],
    complete: async (_: string, changes: ClaimedChange[]) => {
      calls.push(`complete ${changes.map(c => c.id).join(',')}`);
    },
    retry: async (_: string, changes: ClaimedChange[], delayMs: number) => {
      calls.push(`retry ${changes.map(c => c.id).join(',')} ${delayMs}`);
    },
  } as unknown as CatalogChangesService;
  return { queue, calls };
}

describe('CatalogChangeConsumer', () => {
  it('completes handled changes, retries stale ones, and claims again while batches are full', async () => {
    const { queue, calls } = queueOf([[change(1), change(2)], [change(3)]]);
    const consumer = new CatalogChangeConsumer({
      changes: queue,
      consumer: 'test',
      claimant: 'me',
      logger: mockServices.logger.mock(),
      batchSize: 2,
      handle: async batch => ({ retry: batch.filter(c => c.id === '2') }),
    });
    expect(await consumer.drain()).toBe(2);
    expect(calls).toEqual(['complete 1', 'retry 2 1000', 'complete 3']);
  });

  it('looks at a change the catalog does not serve yet again later, the longer the more often it was', async () => {
    const claimed = (n: number, attempts: number) => ({
      ...change(n),
      attempts,
    });
    const batch = [claimed(1, 1), claimed(2, 3), claimed(3, 9), claimed(4, 3)];
    const { queue, calls } = queueOf([batch]);
    const consumer = new CatalogChangeConsumer({
      changes: queue,
      consumer: 'test',
      claimant: 'me',
      logger: mockServices.logger.mock(),
      handle: async () => ({ retry: batch }),
    });
    expect(await consumer.drain()).toBe(0);
    expect(calls).toEqual([
      'complete ',
      'retry 1 1000',
      'retry 2,4 4000',
      'retry 3 30000',
    ]);
  });

  it('releases a batch whose handler throws, with a back-off', async () => {
    const { queue, calls } = queueOf([[change(1)]]);
    const consumer = new CatalogChangeConsumer({
      changes: queue,
      consumer: 'test',
      claimant: 'me',
      logger: mockServices.logger.mock(),
      handle: async () => {
        throw new Error('catalog down');
      },
    });
    expect(await consumer.drain()).toBe(0);
    expect(calls).toEqual(['retry 1 2000']);
  });

  it('registers its consumer and claims as this process', async () => {
    const claimants: string[] = [];
    const registered: string[] = [];
    const queue = {
      registerConsumer: async (consumer: string) => {
        registered.push(consumer);
        return { created: true };
      },
      claim: async (_: string, options: { claimant: string }) => {
        claimants.push(options.claimant);
        return [];
      },
      onQueued: () => () => {},
      nextAvailableInMs: async () => undefined,
    } as unknown as CatalogChangesService;
    const consumer = await CatalogChangeConsumer.register({
      changes: queue,
      consumer: 'quality',
      logger: mockServices.logger.mock(),
      handle: async () => {},
    });
    expect(registered).toEqual(['quality']);
    expect(await consumer.drain()).toBe(0);
    expect(claimants).toEqual([
      expect.stringMatching(/^quality-[0-9a-f-]{36}$/),
    ]);
  });

  it('once listening, claims only when told of changes, when a queued change falls due, or after the fallback', async () => {
    let notify = () => {};
    let claims = 0;
    let nextInMs: number | undefined;
    const queue = {
      claim: async () => {
        claims++;
        return [];
      },
      onQueued: (listener: () => void) => {
        notify = listener;
        return () => {};
      },
      nextAvailableInMs: async () => nextInMs,
    } as unknown as CatalogChangesService;
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const consumer = new CatalogChangeConsumer({
        changes: queue,
        consumer: 'test',
        claimant: 'me',
        logger: mockServices.logger.mock(),
        handle: async () => {},
        fallbackMs: 60_000,
      });
      consumer.listen();
      await consumer.drain(); // What was queued before it listened.
      expect(claims).toBe(1);
      now += 2_000;
      await consumer.drain();
      expect(claims).toBe(1); // Nothing queued, nothing told: no query.

      notify();
      nextInMs = 3_000; // A related change, claimable in 3 s.
      await consumer.drain();
      expect(claims).toBe(2);
      now += 2_000;
      await consumer.drain();
      expect(claims).toBe(2);
      now += 1_000;
      nextInMs = undefined;
      await consumer.drain();
      expect(claims).toBe(3);

      now += 59_000;
      await consumer.drain();
      expect(claims).toBe(3);
      now += 1_000; // A minute without a claim: the safety net.
      await consumer.drain();
      expect(claims).toBe(4);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
