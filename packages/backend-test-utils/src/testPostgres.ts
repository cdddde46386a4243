import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

const CONNECTION_VARIABLE = 'BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING';

/**
 * Real PostgreSQL 18 databases for one test file; each `init()` is a new, empty database. Call it
 * at the top of the file: it registers the file's clean-up. Without a server named in
 * `BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING` the file fails at once, in words, rather
 * than being skipped.
 */
export function testPostgres(): { init(): Promise<Knex> } {
  if (!process.env[CONNECTION_VARIABLE]) {
    throw new Error(
      `${CONNECTION_VARIABLE} is not set: these tests need a real PostgreSQL (scripts/portal test sets it)`,
    );
  }
  const databases = TestDatabases.create({ ids: ['POSTGRES_18'] });
  return { init: () => databases.init('POSTGRES_18') };
}

/** A plugin's knex migrations on real PostgreSQL, for the tests of its stores. */
export interface StoreTestDatabase {
  /** The plugin's `migrations` folder, to step one migration down and up by name. */
  migrations: string;
  /** A new database with every migration of the plugin applied. */
  migrated(): Promise<Knex>;
  /** A new, empty database. */
  empty(): Promise<Knex>;
}

/**
 * The databases for the store tests of the plugin `packageName` (its `migrations` folder sits in
 * the package root). Call it at the top of the test file, as {@link testPostgres}.
 */
export function storeTestDatabase(packageName: string): StoreTestDatabase {
  const postgres = testPostgres();
  const migrations = resolvePackagePath(packageName, 'migrations');
  return {
    migrations,
    empty: postgres.init,
    async migrated() {
      const knex = await postgres.init();
      await knex.migrate.latest({ directory: migrations });
      return knex;
    },
  };
}
