import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's database client, migrated to the latest schema unless `database.migrations.skip`. */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const db = await database.getClient();
  if (!database.migrations?.skip) {
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-catalog-fixes-backend',
        'migrations',
      ),
    });
  }
  return db;
}
