import { testPostgres } from '@internal/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseRunLease } from './DatabaseRunLease';

const databases = testPostgres();

// The columns the plugins' runs tables have, with one running run at a time.
async function setup(): Promise<Knex> {
  const knex = await databases.init();
  await knex.schema.createTable('runs', table => {
    table.bigIncrements('id');
    table.string('instance');
    table.string('trigger');
    table.string('status').notNullable();
    table.timestamp('started_at', { useTz: true });
    table.timestamp('heartbeat_at', { useTz: true });
    table.timestamp('finished_at', { useTz: true });
    table.integer('item_count');
    table.text('error');
  });
  await knex.raw(
    "CREATE UNIQUE INDEX runs_one_running ON runs (status) WHERE status = 'running'",
  );
  return knex;
}

const lease = (knex: Knex, instance: string) =>
  new DatabaseRunLease({
    db: knex,
    table: 'runs',
    what: 'A test run',
    instance,
  });

describe('DatabaseRunLease', () => {
  it('records a run from start to its result, and a failure with its message', async () => {
    const knex = await setup();
    const a = lease(knex, 'host-a:1');
    const id = await a.start('schedule');
    await a.heartbeat(id);
    await a.finish(id, { item_count: 12 });
    const failed = await a.start('manual');
    await a.fail(failed, new Error('Connection terminated'));
    const rows = await knex('runs').orderBy('id');
    expect(rows).toEqual([
      expect.objectContaining({
        id: String(id),
        status: 'succeeded',
        item_count: 12,
        instance: 'host-a:1',
      }),
      expect.objectContaining({
        status: 'failed',
        error: 'Connection terminated',
        trigger: 'manual',
      }),
    ]);
  });

  it('allows one run across replicas, abandons one without heartbeats, and refuses its late results', async () => {
    const knex = await setup();
    const a = lease(knex, 'host-a:1');
    const b = lease(knex, 'host-b:2');
    const running = await a.start('schedule');
    await expect(b.start('manual')).rejects.toThrow(
      new ConflictError("A test run is already running on 'host-a:1'"),
    );
    // host-a was killed: its last heartbeat is a minute old.
    await knex('runs')
      .where('id', running)
      .update({ heartbeat_at: knex.raw("now() - interval '1 minute'") });
    const next = await b.start('manual');
    // host-a comes back and tries to record: refused, and its transaction rolls back.
    await expect(
      knex.transaction(async tx => {
        await tx('runs').insert({
          status: 'succeeded',
          instance: 'result-of-a',
        });
        await a.finish(running, { item_count: 1 }, tx);
      }),
    ).rejects.toThrow(
      `Run ${running} was marked abandoned; its results are not recorded`,
    );
    expect(await knex('runs').where('instance', 'result-of-a')).toEqual([]);
    const statuses = Object.fromEntries(
      (await knex('runs').select('id', 'status')).map(r => [
        Number(r.id),
        r.status,
      ]),
    );
    expect(statuses).toEqual({ [running]: 'abandoned', [next]: 'running' });
  });

  it('runs a function under the lease and marks the run failed when it throws', async () => {
    const knex = await setup();
    const a = lease(knex, 'host-a:1');
    const logger = mockServices.logger.mock();
    expect(
      await a.run('manual', logger, async id => {
        await a.finish(id, { item_count: 3 });
        return 'done';
      }),
    ).toBe('done');
    await expect(
      a.run('manual', logger, async () => {
        throw new Error('catalog unreachable');
      }),
    ).rejects.toThrow('catalog unreachable');
    const rows = await knex('runs').orderBy('id').select('status', 'error');
    expect(rows).toEqual([
      { status: 'succeeded', error: null },
      { status: 'failed', error: 'catalog unreachable' },
    ]);
  });
});
