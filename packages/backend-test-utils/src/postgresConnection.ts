import { Client } from 'pg';

/** The PostgreSQL server of the test run (`POSTGRES_*`, set by `scripts/portal test`). */
export function postgresConnection() {
  const { POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD } =
    process.env;
  if (!POSTGRES_HOST || !POSTGRES_PORT || !POSTGRES_USER) {
    throw new Error(
      'POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD must name a PostgreSQL server: run the tests with `scripts/portal test`',
    );
  }
  return {
    host: POSTGRES_HOST,
    port: Number(POSTGRES_PORT),
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
  };
}

/** Where {@link queryPostgres} connects: a server and one of its databases. */
export type PostgresDatabase = ReturnType<typeof postgresConnection> & {
  database: string;
};

/**
 * The rows of one query on `database` of the test run's server (or of the server given with it),
 * on a connection of its own.
 */
export async function queryPostgres<T = any>(
  database: string | PostgresDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client(
    typeof database === 'string'
      ? { ...postgresConnection(), database }
      : database,
  );
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The names of the test run's databases that start with `prefix` (a backend's `database.prefix`). */
export async function databasesWithPrefix(prefix: string): Promise<string[]> {
  const rows = await queryPostgres<{ datname: string }>(
    'postgres',
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [prefix],
  );
  return rows.map(r => r.datname);
}

/** Drops the test run's databases that start with `prefix`: a backend's databases go with its test. */
export async function dropDatabasesWithPrefix(prefix: string) {
  for (const name of await databasesWithPrefix(prefix)) {
    await queryPostgres(
      'postgres',
      `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    );
  }
}
