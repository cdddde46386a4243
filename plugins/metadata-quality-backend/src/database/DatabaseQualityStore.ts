import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EntityScore,
  GroupSummary,
  HistoryPoint,
  QualitySummary,
  EvaluatedRule,
  RuleResult,
  writeAdvice,
} from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import {
  readGroupSummaries,
  readInitiativeGroupSummaries,
  refreshGroupSummaries,
  replaceGroups,
} from './groupSummaries';
import { ListTotals } from './ListTotals';
import { readOverallSummary, storeOverallSummary } from './overallSummary';
import {
  EntityListQuery,
  GroupRow,
  QualityStore,
  ScoreRow,
  ScoreVersion,
} from './QualityStore';
import {
  readEntityHistory,
  readGroupHistory,
  recordGroupHistory,
} from './scoreHistory';
import { chunks, day, ENTITY_HISTORY, RUNS, SCORES } from './tables';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-metadata-quality-backend',
  'migrations',
);

/** A stored result as the API serves it: its advice written as Markdown (rows scored before advice was kept as data hold `fix`). */
function servedResult({
  advice,
  ...result
}: EvaluatedRule & { fix?: string }): RuleResult {
  return advice ? { ...result, fix: writeAdvice(advice) } : result;
}

/**
 * When the entity was last evaluated: a full run writes only the rows it changes, so an unchanged
 * row was evaluated again by the last successful full run (`last_full_run`, its start), which saw
 * every entity the catalog served and removed the rest.
 */
function evaluatedAt(row: { evaluated_at: Date; last_full_run?: Date | null }) {
  const written = new Date(row.evaluated_at);
  const lastRun = row.last_full_run ? new Date(row.last_full_run) : undefined;
  return lastRun && lastRun > written ? lastRun : written;
}

function toScore(row: any): EntityScore {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    ...(row.type ? { type: row.type } : {}),
    ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
    ...(row.owner_ref ? { ownerRef: row.owner_ref } : {}),
    score: Number(row.score),
    level: row.level ?? null,
    failingRules: row.failing_rules ?? [],
    results: (row.results ?? []).map(servedResult),
    evaluatedAt: evaluatedAt(row).toISOString(),
    changedAt: new Date(row.changed_at).toISOString(),
  };
}

/** The PostgreSQL store. */
export class DatabaseQualityStore implements QualityStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseQualityStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseQualityStore(client);
  }

  private readonly totals = new ListTotals();

  constructor(private readonly db: Knex) {}

  async getVersions(entityRefs?: string[]) {
    const result = new Map<string, ScoreVersion>();
    const read = async (refs?: string[]) => {
      const query = this.db(SCORES).select(
        'entity_ref',
        'etag',
        'changed_at',
        'content_hash',
      );
      if (refs) query.whereIn('entity_ref', refs);
      for (const row of await query) {
        result.set(row.entity_ref, {
          etag: row.etag ?? undefined,
          changedAt: new Date(row.changed_at),
          contentHash: row.content_hash ?? undefined,
        });
      }
    };
    if (!entityRefs) {
      await read();
    } else {
      for (const chunk of chunks(entityRefs, 5000)) await read(chunk);
    }
    return result;
  }

  async upsertScores(rows: ScoreRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const today = day(now);
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows)) {
        await tx(SCORES)
          .insert(
            chunk.map(r => ({
              entity_ref: r.entityRef,
              kind: r.kind,
              namespace: r.namespace,
              name: r.name,
              title: r.title ?? null,
              type: r.type ?? null,
              lifecycle: r.lifecycle ?? null,
              owner_ref: r.ownerRef ?? null,
              score: r.score,
              level: r.level,
              passed_weight: r.passedWeight,
              total_weight: r.totalWeight,
              failing_rules: r.results
                .filter(x => !x.passed && !x.exempt)
                .map(x => x.ruleId),
              results: JSON.stringify(r.results),
              initiatives: r.initiatives ? JSON.stringify(r.initiatives) : null,
              etag: r.etag ?? null,
              changed_at: r.changedAt,
              content_hash: r.contentHash ?? null,
              evaluated_at: now,
            })),
          )
          .onConflict('entity_ref')
          .merge();
        await tx(ENTITY_HISTORY)
          .insert(
            chunk.map(r => ({
              entity_ref: r.entityRef,
              day: today,
              score: r.score,
            })),
          )
          .onConflict(['entity_ref', 'day'])
          .merge(['score']);
      }
    });
    this.totals.clear();
  }

  async deleteUnseen(seen: ReadonlySet<string>, before: Date): Promise<number> {
    const stored: string[] = await this.db(SCORES)
      .where('evaluated_at', '<', before)
      .pluck('entity_ref');
    let deleted = 0;
    for (const chunk of chunks(
      stored.filter(ref => !seen.has(ref)),
      5000,
    )) {
      deleted += await this.db(SCORES)
        .whereIn('entity_ref', chunk)
        .where('evaluated_at', '<', before)
        .delete();
    }
    if (deleted) this.totals.clear();
    return deleted;
  }

  async deleteEntities(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of chunks(entityRefs, 5000)) {
      deleted += await this.db(SCORES).whereIn('entity_ref', chunk).delete();
    }
    if (deleted) this.totals.clear();
    return deleted;
  }

  replaceGroups(groups: GroupRow[]): Promise<void> {
    return replaceGroups(this.db, groups);
  }

  recordGroupHistory(now: Date, retentionDays: number): Promise<void> {
    return recordGroupHistory(this.db, now, retentionDays);
  }

  /** The `last_full_run` column: when the last successful full evaluation started. */
  private lastFullRun() {
    return this.db.raw(
      `(SELECT max(started_at) FROM ${RUNS} WHERE status = 'succeeded') AS last_full_run`,
    );
  }

  async getEntity(entityRef: string): Promise<EntityScore | undefined> {
    const row = await this.db(SCORES)
      .select('*', this.lastFullRun())
      .where('entity_ref', entityRef)
      .first();
    return row ? toScore(row) : undefined;
  }

  async listEntities(
    query: EntityListQuery,
  ): Promise<{ items: EntityScore[]; totalItems: number }> {
    const base = this.db(SCORES).modify(q => {
      if (query.kind) q.whereRaw('lower(kind) = ?', [query.kind.toLowerCase()]);
      if (query.ownerRef) q.where('owner_ref', query.ownerRef);
      if (query.level === 'none') q.whereNull('level');
      else if (query.level) q.where('level', query.level);
      if (query.failingRule) {
        q.whereRaw('failing_rules @> ARRAY[?]::text[]', [query.failingRule]);
      }
      if (query.initiative !== undefined) {
        q.whereRaw('initiatives -> ? IS NOT NULL', [String(query.initiative)]);
      }
      if (query.minScore !== undefined) q.where('score', '>=', query.minScore);
      if (query.maxScore !== undefined) q.where('score', '<=', query.maxScore);
    });
    const column = {
      score: 'score',
      name: 'name',
      evaluatedAt: 'evaluated_at',
    }[query.orderBy];
    const { orderBy: _o, order: _d, limit: _l, offset: _f, ...filter } = query;
    const countAll = async () =>
      Number((await base.clone().count({ count: '*' }))[0].count);
    const [rows, count] = await Promise.all([
      base
        .clone()
        .select('*', this.lastFullRun())
        .orderBy([
          { column, order: query.order },
          { column: 'entity_ref', order: 'asc' },
        ])
        .limit(query.limit)
        .offset(query.offset),
      // An initiative's list is counted every time: initiatives change the scores' targets
      // without a score being written.
      query.initiative === undefined
        ? this.totals.get(JSON.stringify(filter), countAll)
        : countAll(),
    ]);
    return { items: rows.map(toScore), totalItems: count };
  }

  async refreshSummaries(now = new Date()): Promise<void> {
    await refreshGroupSummaries(this.db);
    await storeOverallSummary(this.db, now);
  }

  groupSummaries(initiative?: number): Promise<GroupSummary[]> {
    return initiative === undefined
      ? readGroupSummaries(this.db)
      : readInitiativeGroupSummaries(this.db, initiative);
  }

  overallSummary(): Promise<QualitySummary> {
    return readOverallSummary(this.db);
  }

  entityHistory(entityRef: string, days: number): Promise<HistoryPoint[]> {
    return readEntityHistory(this.db, entityRef, days);
  }

  groupHistory(groupRef: string, days: number): Promise<HistoryPoint[]> {
    return readGroupHistory(this.db, groupRef, days);
  }
}
