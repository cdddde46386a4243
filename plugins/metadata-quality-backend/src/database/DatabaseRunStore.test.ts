import { storeTestDatabase } from '@internal/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { DatabaseRunStore } from './DatabaseRunStore';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');
const { migrations } = db;

async function setup() {
  const knex = await db.migrated();
  return knex;
}

describe('DatabaseRunStore', () => {
  it('steps the runs migration down and up', async () => {
    const knex = await setup();
    // Later migrations sit on top of it: step it by name.
    const name = '20261127_runs.js';
    await knex.migrate.down({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_evaluation_runs')).toBe(false);
    expect(await knex.schema.hasTable('quality_entity_scores')).toBe(true);
    await knex.migrate.up({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_evaluation_runs')).toBe(true);
  });

  it('records a run from start to end and lists runs newest first', async () => {
    const knex = await setup();
    const runs = new DatabaseRunStore(knex, 'host-a:1');
    const first = await runs.start('schedule');
    await runs.heartbeat(first);
    await runs.finish(first, { entityCount: 12, removedCount: 1 });
    const second = await runs.start('manual');
    await runs.fail(second, new Error('Connection terminated'));

    const [failed, succeeded] = await runs.list(10);
    expect(succeeded).toEqual(
      expect.objectContaining({
        id: first,
        instance: 'host-a:1',
        trigger: 'schedule',
        status: 'succeeded',
        entityCount: 12,
        removedCount: 1,
        finishedAt: expect.any(String),
      }),
    );
    expect(failed).toEqual(
      expect.objectContaining({
        id: second,
        trigger: 'manual',
        status: 'failed',
        error: 'Connection terminated',
      }),
    );
  });

  it('allows one running run across replicas and abandons one without heartbeats', async () => {
    const knex = await setup();
    const a = new DatabaseRunStore(knex, 'host-a:1');
    const b = new DatabaseRunStore(knex, 'host-b:2');
    const running = await a.start('schedule');
    await expect(b.start('manual')).rejects.toThrow(ConflictError);
    await expect(b.start('manual')).rejects.toThrow(
      "An evaluation is already running on 'host-a:1'",
    );

    // host-a was killed: its last heartbeat is a minute old.
    await knex('quality_evaluation_runs')
      .where('id', running)
      .update({ heartbeat_at: knex.raw("now() - interval '1 minute'") });
    const next = await b.start('manual');
    // A late finish of the abandoned run is refused and changes nothing.
    await expect(
      a.finish(running, { entityCount: 1, removedCount: 0 }),
    ).rejects.toThrow(`Run ${running} was marked abandoned`);
    const [current, abandoned] = await b.list(10);
    expect(current).toEqual(
      expect.objectContaining({ id: next, status: 'running' }),
    );
    expect(abandoned).toEqual(
      expect.objectContaining({
        id: running,
        status: 'abandoned',
        error: expect.stringContaining('No heartbeat'),
      }),
    );
  });
});
