import { HistoryPoint } from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { day, ENTITY_HISTORY, GROUP_HISTORY, GROUPS } from './tables';

/** Records today's group averages and drops history older than the retention. */
export async function recordGroupHistory(
  db: Knex,
  now: Date,
  retentionDays: number,
): Promise<void> {
  const today = day(now);
  const cutoff = day(new Date(now.getTime() - retentionDays * 86_400_000));
  await db.transaction(async tx => {
    await tx.raw(
      `INSERT INTO ${GROUP_HISTORY} (group_ref, day, score, entity_count)
       SELECT group_ref, ?::date, average_score, entity_count
         FROM ${GROUPS} WHERE entity_count > 0
       ON CONFLICT (group_ref, day)
       DO UPDATE SET score = excluded.score, entity_count = excluded.entity_count`,
      [today],
    );
    await tx(GROUP_HISTORY).where('day', '<', cutoff).delete();
    await tx(ENTITY_HISTORY).where('day', '<', cutoff).delete();
  });
}

/** An entity's daily scores of the last `days` days, oldest first. */
export async function readEntityHistory(
  db: Knex,
  entityRef: string,
  days: number,
): Promise<HistoryPoint[]> {
  const rows = await db(ENTITY_HISTORY)
    .select(db.raw(`to_char(day, 'YYYY-MM-DD') AS day`), 'score')
    .where('entity_ref', entityRef)
    .andWhereRaw(`day > current_date - ?::int`, [days])
    .orderBy('day', 'asc');
  return rows.map((r: any) => ({ day: r.day, score: Number(r.score) }));
}

/** A group's daily averages of the last `days` days, oldest first. */
export async function readGroupHistory(
  db: Knex,
  groupRef: string,
  days: number,
): Promise<HistoryPoint[]> {
  const rows = await db(GROUP_HISTORY)
    .select(
      db.raw(`to_char(day, 'YYYY-MM-DD') AS day`),
      'score',
      'entity_count',
    )
    .where('group_ref', groupRef)
    .andWhereRaw(`day > current_date - ?::int`, [days])
    .orderBy('day', 'asc');
  return rows.map((r: any) => ({
    day: r.day,
    score: Math.round(Number(r.score) * 10) / 10,
    entityCount: Number(r.entity_count),
  }));
}
