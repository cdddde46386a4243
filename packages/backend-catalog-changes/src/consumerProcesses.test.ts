import { testPostgres } from '@internal/backend-test-utils';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogChangeConsumer } from './CatalogChangeConsumer';
import {
  DatabaseCatalogChanges,
  migrateCatalogChanges,
} from './DatabaseCatalogChanges';

jest.setTimeout(120_000);
const databases = testPostgres();

describe('consumers in two processes', () => {
  it('handles the changes of a consumer killed mid-batch once its lease ends', async () => {
    const knex = await databases.init();
    await migrateCatalogChanges(knex);
    const queue = new DatabaseCatalogChanges(knex);
    await queue.registerConsumer('test');
    const refs = Array.from(
      { length: 12 },
      (_, i) => `component:default/c${String(i).padStart(2, '0')}`,
    );
    await queue.enqueue(
      refs.map(entityRef => ({ entityRef, reason: 'changed' })),
    );

    // The same database, reached from the other process.
    const url = new URL(
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING!,
    );
    url.pathname = `/${(knex.client as any).config.connection.database}`;
    const connectionString = url.toString();

    // The other process claims a batch of five and hangs in it.
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(__dirname, '__testUtils__', 'hangingConsumer.ts'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          CATALOG_CHANGES_TEST_DB: JSON.stringify({
            client: 'pg',
            connection: connectionString,
          }),
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    const claimedThere = await new Promise<string[]>((resolve, reject) => {
      child.stdout.once('data', d => resolve(JSON.parse(String(d))));
      child.once('exit', code =>
        reject(new Error(`The consumer process exited (${code}): ${stderr}`)),
      );
    });
    expect(claimedThere).toHaveLength(5);

    const handled: string[] = [];
    const here = new CatalogChangeConsumer({
      changes: queue,
      consumer: 'test',
      claimant: 'here',
      logger: mockServices.logger.mock(),
      batchSize: 5,
      handle: async batch => {
        handled.push(...batch.map(c => c.entityRef));
      },
    });
    // Listening, as a registered consumer does: it claims only when told of changes or when a
    // queued change falls due, here when the other process's lease ends.
    const stopListening = here.listen();
    // While the other process holds its claim, this one gets only the rest.
    expect(await here.drain()).toBe(7);
    expect(handled.filter(ref => claimedThere.includes(ref))).toEqual([]);

    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    // Its lease (2 s) ends: the changes it held are handled here, none lost.
    const deadline = Date.now() + 30_000;
    while (handled.length < refs.length && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 250));
      await here.drain();
    }
    expect([...handled].sort()).toEqual(refs);
    expect(await knex('catalog_change_queue').count({ n: '*' })).toEqual([
      { n: '0' },
    ]);
    stopListening();
    await queue.close();
  });
});
