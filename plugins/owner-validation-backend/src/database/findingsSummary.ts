import type { FindingsSummary } from '@internal/plugin-owner-validation-common';
import { Knex } from 'knex';
import { FINDINGS, iso, RUNS } from './tables';

/** Open findings counted by type, severity, kind and team, with the last successful run. */
export async function readFindingsSummary(db: Knex): Promise<FindingsSummary> {
  const open = () => db(FINDINGS).whereNull('resolved_at');
  const [byType, bySeverity, byKind, byTeam, lastRun] = await Promise.all([
    open()
      .select('finding_type as key')
      .count({ count: '*' })
      .groupBy('finding_type'),
    open().select('severity as key').count({ count: '*' }).groupBy('severity'),
    open().select('kind as key').count({ count: '*' }).groupBy('kind'),
    open()
      .select('team as key')
      .count({ count: '*' })
      .groupBy('team')
      .orderByRaw('count(*) desc, team asc nulls last'),
    db(RUNS).where('status', 'succeeded').orderBy('id', 'desc').first(),
  ]);
  const toRecord = (rows: Array<Record<string, unknown>>) =>
    Object.fromEntries(rows.map(r => [String(r.key), Number(r.count)]));
  const summary: FindingsSummary = {
    total: byType.reduce((sum, r) => sum + Number(r.count), 0),
    byType: toRecord(byType),
    bySeverity: toRecord(bySeverity),
    byKind: toRecord(byKind),
    byTeam: byTeam.map(r => ({
      team: ((r as Record<string, unknown>).key as string | null) ?? null,
      count: Number(r.count),
    })),
  };
  if (lastRun) {
    summary.lastRun = {
      finishedAt: iso(lastRun.finished_at),
      entityCount: lastRun.entity_count,
      findingCount: lastRun.finding_count,
    };
  }
  return summary;
}
