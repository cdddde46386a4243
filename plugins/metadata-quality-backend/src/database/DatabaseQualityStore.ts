import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EntityScore,
  GroupSummary,
  HistoryPoint,
  QualitySummary,
} from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import {
  EntityListQuery,
  GroupRow,
  QualityStore,
  ScoreRow,
} from './QualityStore';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-metadata-quality-backend',
  'migrations',
);

// 17 columns a row: well below PostgreSQL's 65535 bind parameters.
const CHUNK = 1000;

const SCORES = 'quality_entity_scores';

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
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
    results: row.results ?? [],
    evaluatedAt: new Date(row.evaluated_at).toISOString(),
    changedAt: new Date(row.changed_at).toISOString(),
  };
}

// Each group with itself and every descendant; UNION (not UNION ALL) stops on cycles.
const GROUP_TREE = `
  WITH RECURSIVE tree(ancestor, descendant) AS (
    SELECT group_ref, group_ref FROM quality_groups
    UNION
    SELECT tree.ancestor, g.group_ref
      FROM tree JOIN quality_groups g ON g.parent_ref = tree.descendant
  )`;

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

  constructor(private readonly db: Knex) {}

  async getVersions(entityRefs?: string[]) {
    const result = new Map<string, { etag?: string; changedAt: Date }>();
    const read = async (refs?: string[]) => {
      const query = this.db(SCORES).select('entity_ref', 'etag', 'changed_at');
      if (refs) query.whereIn('entity_ref', refs);
      for (const row of await query) {
        result.set(row.entity_ref, {
          etag: row.etag ?? undefined,
          changedAt: new Date(row.changed_at),
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
                .filter(x => !x.passed)
                .map(x => x.ruleId),
              results: JSON.stringify(r.results),
              etag: r.etag ?? null,
              changed_at: r.changedAt,
              evaluated_at: now,
            })),
          )
          .onConflict('entity_ref')
          .merge();
        await tx('quality_entity_history')
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
  }

  async deleteEvaluatedBefore(time: Date): Promise<number> {
    return this.db(SCORES).where('evaluated_at', '<', time).delete();
  }

  async deleteEntities(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of chunks(entityRefs, 5000)) {
      deleted += await this.db(SCORES).whereIn('entity_ref', chunk).delete();
    }
    return deleted;
  }

  async replaceGroups(groups: GroupRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('quality_groups').delete();
      for (const chunk of chunks(groups)) {
        await tx('quality_groups').insert(
          chunk.map(g => ({
            group_ref: g.groupRef,
            parent_ref: g.parentRef ?? null,
            title: g.title ?? null,
          })),
        );
      }
    });
  }

  async recordGroupHistory(now: Date, retentionDays: number): Promise<void> {
    const today = day(now);
    const cutoff = day(new Date(now.getTime() - retentionDays * 86_400_000));
    await this.db.transaction(async tx => {
      await tx.raw(
        `INSERT INTO quality_group_history (group_ref, day, score, entity_count)
         SELECT group_ref, ?::date, average_score, entity_count
           FROM quality_groups WHERE entity_count > 0
         ON CONFLICT (group_ref, day)
         DO UPDATE SET score = excluded.score, entity_count = excluded.entity_count`,
        [today],
      );
      await tx('quality_group_history').where('day', '<', cutoff).delete();
      await tx('quality_entity_history').where('day', '<', cutoff).delete();
    });
  }

  async getEntity(entityRef: string): Promise<EntityScore | undefined> {
    const row = await this.db(SCORES).where('entity_ref', entityRef).first();
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
      if (query.minScore !== undefined) q.where('score', '>=', query.minScore);
      if (query.maxScore !== undefined) q.where('score', '<=', query.maxScore);
    });
    const column = {
      score: 'score',
      name: 'name',
      evaluatedAt: 'evaluated_at',
    }[query.orderBy];
    const [rows, [{ count }]] = await Promise.all([
      base
        .clone()
        .select('*')
        .orderBy([
          { column, order: query.order },
          { column: 'entity_ref', order: 'asc' },
        ])
        .limit(query.limit)
        .offset(query.offset),
      base.clone().count({ count: '*' }),
    ]);
    return { items: rows.map(toScore), totalItems: Number(count) };
  }

  async refreshGroupSummaries(): Promise<void> {
    // Scores are folded per owner first (a few hundred rows), then rolled up the tree.
    await this.db.raw(
      `${GROUP_TREE},
      per_owner AS (
        SELECT owner_ref, level, count(*) AS n, sum(score) AS total
          FROM ${SCORES} WHERE owner_ref IS NOT NULL
         GROUP BY owner_ref, level
      ),
      per_level AS (
        SELECT tree.ancestor, coalesce(p.level, 'none') AS level,
               sum(p.n) AS n, sum(p.total) AS total
          FROM tree JOIN per_owner p ON p.owner_ref = tree.descendant
         GROUP BY tree.ancestor, coalesce(p.level, 'none')
      ),
      rolled AS (
        SELECT ancestor, sum(n)::int AS entity_count,
               round((sum(total) / sum(n))::numeric, 1)::float AS average_score,
               jsonb_object_agg(level, n::int) AS levels
          FROM per_level GROUP BY ancestor
      )
      UPDATE quality_groups g
         SET entity_count = coalesce(r.entity_count, 0),
             average_score = r.average_score,
             levels = coalesce(r.levels, '{}'::jsonb)
        FROM quality_groups g2 LEFT JOIN rolled r ON r.ancestor = g2.group_ref
       WHERE g.group_ref = g2.group_ref`,
    );
  }

  async groupSummaries(): Promise<GroupSummary[]> {
    const rows = await this.db('quality_groups')
      .select('*')
      .orderByRaw('average_score DESC NULLS LAST, group_ref ASC');
    return rows.map((g: any) => ({
      groupRef: g.group_ref,
      ...(g.title ? { title: g.title } : {}),
      ...(g.parent_ref ? { parentRef: g.parent_ref } : {}),
      entityCount: g.entity_count,
      averageScore: g.average_score === null ? null : Number(g.average_score),
      levels: g.levels ?? {},
    }));
  }

  async overallSummary(): Promise<QualitySummary> {
    const [levels, buckets, failing] = await Promise.all([
      this.db(SCORES)
        .select('level')
        .count({ n: '*' })
        .sum({ total: 'score' })
        .groupBy('level'),
      this.db(SCORES)
        .select(this.db.raw('least(floor(score / 10), 9)::int AS bucket'))
        .count({ n: '*' })
        .groupByRaw('1'),
      this.db
        .select('rule')
        .count({ n: '*' })
        .from(
          this.db.raw(
            `(SELECT unnest(failing_rules) AS rule FROM ${SCORES}) f`,
          ),
        )
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
    for (const row of buckets as any[])
      bucketCounts[row.bucket] = Number(row.n);
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

  async entityHistory(
    entityRef: string,
    days: number,
  ): Promise<HistoryPoint[]> {
    const rows = await this.db('quality_entity_history')
      .select(this.db.raw(`to_char(day, 'YYYY-MM-DD') AS day`), 'score')
      .where('entity_ref', entityRef)
      .andWhereRaw(`day > current_date - ?::int`, [days])
      .orderBy('day', 'asc');
    return rows.map((r: any) => ({ day: r.day, score: Number(r.score) }));
  }

  async groupHistory(groupRef: string, days: number): Promise<HistoryPoint[]> {
    const rows = await this.db('quality_group_history')
      .select(
        this.db.raw(`to_char(day, 'YYYY-MM-DD') AS day`),
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
}
