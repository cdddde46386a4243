import { QualitySummary } from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { OVERALL_SUMMARY, SCORES } from './tables';

/** Entity count, average, count per level, ten score buckets and failures per rule, counted now. */
export async function computeOverallSummary(db: Knex): Promise<QualitySummary> {
  const [levels, buckets, failing] = await Promise.all([
    db(SCORES)
      .select('level')
      .count({ n: '*' })
      .sum({ total: 'score' })
      .groupBy('level'),
    db(SCORES)
      .select(db.raw('least(floor(score / 10), 9)::int AS bucket'))
      .count({ n: '*' })
      .groupByRaw('1'),
    db
      .select('rule')
      .count({ n: '*' })
      .from(db.raw(`(SELECT unnest(failing_rules) AS rule FROM ${SCORES}) f`))
      .groupBy('rule'),
  ]);
  let entityCount = 0;
  let total = 0;
  const levelCounts: Record<string, number> = {};
  for (const row of levels as any[]) {
    entityCount += Number(row.n);
    total += Number(row.total);
    levelCounts[row.level ?? 'none'] = Number(row.n);
  }
  const bucketCounts = new Array(10).fill(0);
  for (const row of buckets as any[]) bucketCounts[row.bucket] = Number(row.n);
  const failingRules: Record<string, number> = {};
  for (const row of failing as any[]) failingRules[row.rule] = Number(row.n);
  return {
    entityCount,
    averageScore:
      entityCount > 0 ? Math.round((total / entityCount) * 10) / 10 : null,
    levels: levelCounts,
    buckets: bucketCounts,
    failingRules,
  };
}

/** Counts the overall summary and keeps it for {@link readOverallSummary}. */
export async function storeOverallSummary(db: Knex, now: Date): Promise<void> {
  const summary = await computeOverallSummary(db);
  await db(OVERALL_SUMMARY)
    .insert({ id: 1, summary: JSON.stringify(summary), refreshed_at: now })
    .onConflict('id')
    .merge();
}

/**
 * The overall summary as of the last roll-up refresh (after each full evaluation, and at most every
 * 10 s while changes are scored, as the group roll-ups); counted now when none was kept yet.
 */
export async function readOverallSummary(db: Knex): Promise<QualitySummary> {
  const row = await db(OVERALL_SUMMARY).where('id', 1).first();
  return row ? (row.summary as QualitySummary) : computeOverallSummary(db);
}
