import { requireWorkspace } from './workspace.mjs';

const knexFactory = requireWorkspace('knex');

/**
 * What PostgreSQL has done so far, per database (each Backstage plugin has its own, but for the
 * no-op plugins a benchmark puts in place of left-out ones): committed
 * transactions and rows written (inserted, updated, deleted), from pg_stat_database. The
 * difference of two readings is the work in between; `databaseWorkDiff` computes it.
 */
export async function databaseWork(connection) {
  const db = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  try {
    // Statistics reach pg_stat_database when a backend flushes them (about once a second).
    await new Promise(r => setTimeout(r, 1500));
    const { rows } = await db.raw(
      `SELECT datname, xact_commit, tup_inserted + tup_updated + tup_deleted AS rows_written
       FROM pg_stat_database WHERE datname LIKE 'backstage_plugin_%'
         AND datname NOT LIKE 'backstage_plugin_benchmark-left-out-%'`,
    );
    return new Map(
      rows.map(r => [
        r.datname.replace(/^backstage_plugin_/, ''),
        { commits: Number(r.xact_commit), rows: Number(r.rows_written) },
      ]),
    );
  } finally {
    await db.destroy();
  }
}

/** Per database, the commits and rows written between two readings of `databaseWork`. */
export function databaseWorkDiff(before, after) {
  return new Map(
    [...after].map(([name, { commits, rows }]) => [
      name,
      {
        commits: commits - (before.get(name)?.commits ?? 0),
        rows: rows - (before.get(name)?.rows ?? 0),
      },
    ]),
  );
}
