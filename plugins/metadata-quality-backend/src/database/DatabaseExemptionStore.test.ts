import { storeTestDatabase } from '@internal/backend-test-utils';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabaseQualityStore } from './DatabaseQualityStore';
import { ExemptionExpiry } from '../service/ExemptionExpiry';
import { scoreRow } from '../__testUtils__/scoreRow';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');
const { migrations } = db;
const ref = 'component:default/checkout';

async function setup() {
  const knex = await db.migrated();
  return knex;
}

const request = (store: DatabaseExemptionStore, until: string) =>
  store.request({
    entityRef: ref,
    ruleId: 'has-techdocs',
    reason: 'Docs in the wiki',
    until: new Date(until),
    requestedBy: 'user:default/bob',
    requestedAt: new Date('2026-01-01T00:00:00Z'),
  });

describe('DatabaseExemptionStore', () => {
  it('steps its migration down and up', async () => {
    const knex = await setup();
    const name = '20261207_exemptions.js';
    await knex.migrate.down({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_exemptions')).toBe(false);
    expect(await knex.schema.hasTable('quality_confirmations')).toBe(true);
    await knex.migrate.up({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_exemptions')).toBe(true);
  });

  it('keeps requests, decisions and expiries', async () => {
    const knex = await setup();
    const store = new DatabaseExemptionStore(knex);
    const asked = await request(store, '2026-02-01T00:00:00Z');
    expect(asked).toEqual(
      expect.objectContaining({
        entityRef: ref,
        status: 'requested',
        requestedBy: 'user:default/bob',
        until: '2026-02-01T00:00:00.000Z',
      }),
    );
    expect((await store.approvedFor([ref])).size).toBe(0);

    const decision = {
      decidedBy: 'user:default/root',
      decidedAt: new Date('2026-01-02T00:00:00Z'),
      comment: 'Fine until the migration',
    };
    const approved = await store.decide(asked.id, {
      ...decision,
      status: 'approved',
    });
    expect(approved).toEqual(
      expect.objectContaining({
        status: 'approved',
        decidedBy: 'user:default/root',
        comment: 'Fine until the migration',
      }),
    );
    expect(
      await store.decide(asked.id, { ...decision, status: 'denied' }),
    ).toBeUndefined();
    expect((await store.approvedFor([ref])).get(ref)).toEqual([
      {
        ruleId: 'has-techdocs',
        until: new Date('2026-02-01T00:00:00Z'),
        reason: 'Docs in the wiki',
      },
    ]);

    const denied = await request(store, '2026-03-01T00:00:00Z');
    await store.decide(denied.id, { ...decision, status: 'denied' });
    expect((await store.list({ status: 'requested' })).map(e => e.id)).toEqual(
      [],
    );
    expect((await store.list({ entityRef: ref })).map(e => e.status)).toEqual([
      'denied',
      'approved',
    ]);

    expect(await store.endedBy(new Date('2026-01-31T00:00:00Z'))).toEqual([]);
    expect(
      (await store.endedBy(new Date('2026-02-01T00:00:00Z'))).map(e => e.id),
    ).toEqual([asked.id]);
  });

  it('expires ended exemptions as the clock moves, telling the owners once', async () => {
    const knex = await setup();
    const store = new DatabaseExemptionStore(knex);
    await new DatabaseQualityStore(knex).upsertScores(
      [scoreRow('checkout', 'web')],
      new Date('2026-01-01T00:00:00Z'),
    );
    const asked = await request(store, '2026-02-01T00:00:00Z');
    await store.decide(asked.id, {
      status: 'approved',
      decidedBy: 'user:default/root',
      decidedAt: new Date('2026-01-02T00:00:00Z'),
      comment: 'ok',
    });
    let now = new Date('2026-01-15T00:00:00Z');
    const send = jest.fn();
    const rescore = jest.fn();
    const expiry = new ExemptionExpiry({
      exemptions: store,
      scores: new DatabaseQualityStore(knex),
      notifications: { send },
      logger: { warn: jest.fn() } as any,
      rescore,
      clock: () => now,
    });
    expect(await expiry.expireEnded()).toBe(0);
    now = new Date('2026-02-01T00:00:01Z');
    expect(await expiry.expireEnded()).toBe(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/web' },
      payload: expect.objectContaining({
        title: "checkout: exemption from 'has-techdocs' ended",
      }),
    });
    expect(rescore).toHaveBeenCalledWith([ref]);
    expect(await expiry.expireEnded()).toBe(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await store.get(asked.id)).toEqual(
      expect.objectContaining({
        status: 'expired',
        expiredAt: '2026-02-01T00:00:01.000Z',
        comment: 'ok',
      }),
    );
    expect((await store.approvedFor([ref])).size).toBe(0);
  });
});
