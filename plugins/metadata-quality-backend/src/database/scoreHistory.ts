import { HistoryPoint } from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { day, ENTITY_HISTORY, GROUP_HISTORY, GROUPS, SCORES } from './tables';

/**
 * Records today's group averages and drops history older than the retention. An entity's history
 * has a point only on days its score was written, so its last point before the cutoff stays (the
 * score it kept since), unless the entity is no longer scored.
 */
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
    await tx.raw(
      `DELETE FROM ${ENTITY_HISTORY} h
        WHERE h.day < ?::date
          AND (EXISTS (SELECT 1 FROM ${ENTITY_HISTORY} newer
                        WHERE newer.entity_ref = h.entity_ref
                          AND newer.day > h.day AND newer.day <= ?::date)
               OR NOT EXISTS (SELECT 1 FROM ${SCORES} s
                               WHERE s.entity_ref = h.entity_ref))`,
      [cutoff, cutoff],
    );
  });
}

/**
 * An entity's daily scores of the last `days` days, oldest first. A score is written only when it
 * changes, so each day holds the last score written on or before it, from the first day known.
 */
export async function readEntityHistory(
  db: Knex,
  entityRef: string,
  days: number,
): Promise<HistoryPoint[]> {
  const { rows } = await db.raw(
    `WITH params AS (SELECT ?::text AS ref, current_date - ?::int AS since),
     points AS (
       SELECT h.day, h.score FROM ${ENTITY_HISTORY} h, params
        WHERE h.entity_ref = params.ref AND h.day > params.since
       UNION ALL
       (SELECT h.day, h.score FROM ${ENTITY_HISTORY} h, params
         WHERE h.entity_ref = params.ref AND h.day <= params.since
         ORDER BY h.day DESC LIMIT 1)
     ), bounds AS (
       SELECT greatest(min(points.day), params.since + 1) AS first_day,
              greatest(max(points.day), current_date) AS last_day
         FROM points, params GROUP BY params.since
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
            (SELECT p.score FROM points p WHERE p.day <= d.day
              ORDER BY p.day DESC LIMIT 1) AS score
       FROM bounds,
            generate_series(bounds.first_day, bounds.last_day, interval '1 day') AS d(day)
      ORDER BY d.day`,
    [entityRef, days],
  );
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
