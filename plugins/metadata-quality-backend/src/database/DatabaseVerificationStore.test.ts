import { storeTestDatabase } from '@internal/backend-test-utils';
import { DatabaseQualityStore } from './DatabaseQualityStore';
import { DatabaseVerificationStore } from './DatabaseVerificationStore';
import { ConfirmationNotifier } from '../service/ConfirmationNotifier';
import { scoreRow } from '../__testUtils__/scoreRow';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');
const { migrations } = db;

async function scored(
  knex: any,
  ownerRef: string,
  results: { ruleId: string; passed: boolean; weight: number }[] = [],
) {
  await new DatabaseQualityStore(knex).upsertScores(
    [scoreRow('checkout', 'web', { title: 'Checkout', ownerRef, results })],
    new Date('2026-01-01T00:00:00Z'),
  );
}

/** Alice confirms checkout for its owner, the web team. */
const confirmedByAlice = (store: DatabaseVerificationStore, at: Date) =>
  store.confirm([
    {
      entityRef: 'component:default/checkout',
      ownerRef: 'group:default/web',
      confirmedBy: 'user:default/alice',
      confirmedAt: at,
    },
  ]);

/** The notifier of confirmations lapsing after 30 days, on the given clock. */
const notifierFor = (
  store: DatabaseVerificationStore,
  send: jest.Mock,
  clock: () => Date,
) =>
  new ConfirmationNotifier({
    store,
    notifications: { send },
    logger: { warn: jest.fn() } as any,
    maxAgeDays: 30,
    clock,
  });

describe('DatabaseVerificationStore', () => {
  it('steps its migration up and down', async () => {
    const knex = await db.migrated();
    expect(await knex.schema.hasTable('quality_confirmations')).toBe(true);
    expect(await knex.schema.hasTable('quality_notices')).toBe(true);
    const name = '20261206_verification.js';
    await knex.migrate.down({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_confirmations')).toBe(false);
    expect(await knex.schema.hasTable('quality_notices')).toBe(false);
    expect(await knex.schema.hasTable('quality_entity_scores')).toBe(true);
    await knex.migrate.up({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_confirmations')).toBe(true);
  });

  it('keeps the latest confirmation per entity with its owner', async () => {
    const knex = await db.migrated();
    const store = new DatabaseVerificationStore(knex);
    await scored(knex, 'group:default/web');
    const first = {
      entityRef: 'component:default/checkout',
      ownerRef: 'group:default/web',
      confirmedBy: 'user:default/alice',
      confirmedAt: new Date('2026-01-01T10:00:00Z'),
    };
    await store.confirm([first]);
    await store.confirm([
      {
        ...first,
        confirmedBy: 'user:default/bob',
        confirmedAt: new Date('2026-02-01T10:00:00Z'),
      },
    ]);
    expect(
      (await store.getConfirmations(['component:default/checkout'])).get(
        'component:default/checkout',
      ),
    ).toEqual({
      ownerRef: 'group:default/web',
      confirmedBy: 'user:default/bob',
      confirmedAt: new Date('2026-02-01T10:00:00Z'),
    });
    expect(await store.scoredConfirmations()).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        currentOwnerRef: 'group:default/web',
        title: 'Checkout',
      }),
    ]);
  });

  it('notifies owners 14 days before a confirmation lapses and when it lapses, once each', async () => {
    const knex = await db.migrated();
    const store = new DatabaseVerificationStore(knex);
    await scored(knex, 'group:default/web');
    await confirmedByAlice(store, new Date('2026-01-01T10:00:00Z'));
    let now = new Date('2026-01-02T00:00:00Z');
    const send = jest.fn();
    const notifier = notifierFor(store, send, () => now);

    expect(await notifier.notifyDue()).toBe(0);
    // Lapses on 2026-01-31 at 10:00; the reminder is due 14 days earlier.
    now = new Date('2026-01-17T10:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenLastCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/web' },
      payload: expect.objectContaining({
        title: 'Checkout: confirm its metadata by 2026-01-31',
        description: expect.stringContaining(
          'last confirmed on 2026-01-01 by user:default/alice',
        ),
        link: '/catalog/default/component/checkout/quality',
      }),
    });
    now = new Date('2026-01-20T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);

    now = new Date('2026-02-01T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: "Checkout needs its owners' confirmation",
          severity: 'high',
        }),
      }),
    );
    now = new Date('2026-03-01T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);
    expect(send).toHaveBeenCalledTimes(2);

    // A new confirmation is reminded of again; one for a former owner is not.
    await confirmedByAlice(store, new Date('2026-03-01T00:00:00Z'));
    await scored(knex, 'group:default/payments');
    now = new Date('2026-04-15T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);
    await scored(knex, 'group:default/web');
    expect(await notifier.notifyDue()).toBe(1);
  });

  it('retries a notice whose sending failed', async () => {
    const knex = await db.migrated();
    const store = new DatabaseVerificationStore(knex);
    await scored(knex, 'group:default/web');
    await confirmedByAlice(store, new Date('2026-01-01T10:00:00Z'));
    const send = jest.fn().mockRejectedValueOnce(new Error('down'));
    const notifier = notifierFor(
      store,
      send,
      () => new Date('2026-02-10T00:00:00Z'),
    );
    expect(await notifier.notifyDue()).toBe(0);
    expect(await notifier.notifyDue()).toBe(1);
    expect(await notifier.notifyDue()).toBe(0);
  });

  it('notifies the owners of an entry never confirmed, from when its content was first seen', async () => {
    const knex = await db.migrated();
    const store = new DatabaseVerificationStore(knex);
    // First seen 2026-01-01 (scored()); the rule applies to it.
    await scored(knex, 'group:default/web', [
      { ruleId: 'confirmed-recently', passed: true, weight: 1 },
    ]);
    let now = new Date('2026-01-10T00:00:00Z');
    const send = jest.fn();
    const notifier = notifierFor(store, send, () => now);
    expect(await notifier.notifyDue()).toBe(0);
    // Due on 2026-01-31; reminded 14 days before, then told it lapsed, once each.
    now = new Date('2026-01-18T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenLastCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/web' },
      payload: expect.objectContaining({
        title: 'Checkout: confirm its metadata by 2026-01-31',
        description:
          'Its confirmation lapses on 2026-01-31 (never confirmed, unchanged since 2026-01-01). Check its metadata and press "Still correct".',
      }),
    });
    expect(await notifier.notifyDue()).toBe(0);
    now = new Date('2026-02-02T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: "Checkout needs its owners' confirmation",
        }),
      }),
    );
    expect(await notifier.notifyDue()).toBe(0);

    // Once confirmed it follows the confirmation; an entity the rule does not apply to is not told.
    await confirmedByAlice(store, now);
    expect(await notifier.notifyDue()).toBe(0);
    await knex('quality_confirmations').delete();
    await scored(knex, 'group:default/web', []);
    now = new Date('2026-06-01T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
