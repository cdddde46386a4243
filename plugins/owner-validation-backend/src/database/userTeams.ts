import { Knex } from 'knex';
import { chunks, USER_TEAMS } from './tables';

/** Records each user's current teams, kept for when a user later leaves the catalog. */
export async function writeUserTeams(
  db: Knex | Knex.Transaction,
  userTeams: Map<string, string[]>,
  now: Date,
): Promise<void> {
  const rows = [...userTeams].map(([user_ref, teams]) => ({
    user_ref,
    teams,
    last_seen: now,
  }));
  for (const chunk of chunks(rows)) {
    await db(USER_TEAMS)
      .insert(chunk)
      .onConflict('user_ref')
      .merge(['teams', 'last_seen']);
  }
}

/** The last teams recorded for each user ref. */
export async function readUserTeams(db: Knex): Promise<Map<string, string[]>> {
  const rows: Array<{ user_ref: string; teams: string[] }> = await db(
    USER_TEAMS,
  ).select('user_ref', 'teams');
  return new Map(rows.map(row => [row.user_ref, row.teams]));
}
