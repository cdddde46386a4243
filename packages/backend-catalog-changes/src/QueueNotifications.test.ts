import { testPostgres } from '@internal/backend-test-utils';
import { QUEUED_CHANNEL, QueueNotifications } from './QueueNotifications';
import { toldTimes } from './__testUtils__/toldTimes';

const databases = testPostgres();

describe('QueueNotifications', () => {
  it('tells listeners when its connection is lost, listens again, and is told of later changes', async () => {
    const knex = await databases.init();
    const notifications = new QueueNotifications(knex);
    let told = 0;
    notifications.subscribe(() => told++);
    try {
      await toldTimes(() => told, 1); // Listening.
      await knex.raw(`SELECT pg_notify(?, '')`, [QUEUED_CHANNEL]);
      await toldTimes(() => told, 2);

      // The server ends the listening connection (a failover, an idle-connection reaper).
      await knex.raw(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      await toldTimes(() => told, 3); // A notice may have been missed: told at once.
      // Listening again a few seconds later, and told so once more.
      await toldTimes(() => told, 4);
      const listening = await knex.raw(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      expect(listening.rows[0].n).toBe(1);
      await knex.raw(`SELECT pg_notify(?, '')`, [QUEUED_CHANNEL]);
      await toldTimes(() => told, 5);
    } finally {
      await notifications.close();
    }
  }, 30_000);

  it('stops telling and closes its connection once closed', async () => {
    const knex = await databases.init();
    const notifications = new QueueNotifications(knex);
    let told = 0;
    notifications.subscribe(() => told++);
    await toldTimes(() => told, 1);
    await notifications.close();
    await knex.raw(`SELECT pg_notify(?, '')`, [QUEUED_CHANNEL]);
    await new Promise(r => setTimeout(r, 300));
    expect(told).toBe(1);
    const listening = await knex.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    expect(listening.rows[0].n).toBe(0);
  });
});
