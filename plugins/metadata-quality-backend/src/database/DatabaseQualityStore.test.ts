import { storeTestDatabase } from '@internal/backend-test-utils';
import { yamlOf } from '@internal/plugin-metadata-quality-common';
import { DatabaseQualityStore } from './DatabaseQualityStore';
import { ScoreRow } from './QualityStore';
import { scoreRow } from '../__testUtils__/scoreRow';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');
const { migrations } = db;

function levelOf(score: number): string | null {
  if (score >= 90) return 'Gold';
  if (score >= 50) return 'Bronze';
  return null;
}

function row(
  name: string,
  score: number,
  extra: Partial<ScoreRow> = {},
): ScoreRow {
  return scoreRow(name, 'payments', {
    score,
    level: levelOf(score),
    passedWeight: score,
    totalWeight: 100,
    results: [
      { ruleId: 'has-owner', passed: true, weight: score },
      { ruleId: 'has-techdocs', passed: score === 100, weight: 100 - score },
    ],
    etag: `etag-${name}`,
    changedAt: new Date('2026-11-01T00:00:00Z'),
    ...extra,
  });
}

describe('DatabaseQualityStore', () => {
  it('steps migrations up and down', async () => {
    const knex = await db.migrated();
    expect(await knex.schema.hasTable('quality_entity_scores')).toBe(true);
    await knex.migrate.rollback({ directory: migrations }, true);
    expect(await knex.schema.hasTable('quality_entity_scores')).toBe(false);
    await knex.migrate.latest({ directory: migrations });
    expect(await knex.schema.hasTable('quality_group_history')).toBe(true);
  });

  it('serves advice written as Markdown, and the fix of rows stored before advice was data', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const document = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a' },
      spec: { owner: 'payments' },
    };
    await store.upsertScores(
      [
        row('a', 50, {
          results: [
            {
              ruleId: 'owner-valid',
              passed: false,
              weight: 50,
              advice: [
                'Owner validation suggests `group:default/payments`. ',
                yamlOf(document),
              ],
            },
          ],
        }),
      ],
      new Date(),
    );
    const served = await store.getEntity('component:default/a');
    expect(served?.results).toEqual([
      {
        ruleId: 'owner-valid',
        passed: false,
        weight: 50,
        fix: [
          'Owner validation suggests `group:default/payments`. ```yaml',
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: a',
          'spec:',
          '  owner: payments',
          '```',
        ].join('\n'),
      },
    ]);

    const earlier = {
      ruleId: 'has-docs',
      passed: false,
      weight: 1,
      fix: 'Add docs.',
    };
    await knex('quality_entity_scores')
      .where('entity_ref', 'component:default/a')
      .update({ results: JSON.stringify([earlier]) });
    expect((await store.getEntity('component:default/a'))?.results).toEqual([
      earlier,
    ]);
  });

  it('stores scores, filters them and rolls groups up to their parents', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const now = new Date();

    await store.replaceGroups([
      { groupRef: 'group:default/engineering', title: 'Engineering' },
      {
        groupRef: 'group:default/payments',
        parentRef: 'group:default/engineering',
      },
      { groupRef: 'group:default/web', parentRef: 'group:default/engineering' },
    ]);
    await store.upsertScores(
      [
        row('a', 100),
        row('b', 40),
        row('c', 70, { ownerRef: 'group:default/web', kind: 'API' }),
      ],
      now,
    );
    // Upserting again replaces rather than duplicates.
    await store.upsertScores([row('a', 95)], now);

    expect((await store.getEntity('component:default/a'))?.score).toBe(95);
    expect(await store.getEntity('component:default/none')).toBeUndefined();

    const worst = await store.listEntities({
      orderBy: 'score',
      order: 'asc',
      limit: 2,
      offset: 0,
    });
    expect(worst.totalItems).toBe(3);
    expect(worst.items.map(i => i.name)).toEqual(['b', 'c']);

    const failing = await store.listEntities({
      failingRule: 'has-techdocs',
      ownerRef: 'group:default/payments',
      orderBy: 'name',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(failing.items.map(i => i.name)).toEqual(['a', 'b']);
    expect(
      (
        await store.listEntities({
          level: 'none',
          kind: 'component',
          orderBy: 'score',
          order: 'asc',
          limit: 10,
          offset: 0,
        })
      ).items.map(i => i.name),
    ).toEqual(['b']);

    await store.refreshSummaries();
    const groups = await store.groupSummaries();
    expect(
      groups.find(g => g.groupRef === 'group:default/engineering'),
    ).toEqual(
      expect.objectContaining({
        entityCount: 3,
        averageScore: 68.3,
        title: 'Engineering',
      }),
    );
    expect(groups.find(g => g.groupRef === 'group:default/payments')).toEqual(
      expect.objectContaining({
        entityCount: 2,
        averageScore: 67.5,
        levels: { Gold: 1, none: 1 },
      }),
    );

    const overall = await store.overallSummary();
    expect(overall.entityCount).toBe(3);
    // Served as of the last refresh; counted now only before the first.
    await knex('quality_overall_summary').delete();
    await store.upsertScores([row('e', 10)], now);
    expect((await store.overallSummary()).entityCount).toBe(4);
    await store.refreshSummaries();
    await store.deleteEntities(['component:default/e']);
    expect((await store.overallSummary()).entityCount).toBe(4);
    await store.refreshSummaries();
    expect((await store.overallSummary()).entityCount).toBe(3);
    expect(overall.buckets[9]).toBe(1);
    expect(overall.failingRules['has-techdocs']).toBe(3);

    await store.recordGroupHistory(now, 90);
    expect(await store.groupHistory('group:default/engineering', 30)).toEqual([
      { day: now.toISOString().slice(0, 10), score: 68.3, entityCount: 3 },
    ]);
    expect(await store.entityHistory('component:default/a', 30)).toEqual([
      { day: now.toISOString().slice(0, 10), score: 95 },
    ]);

    const versions = await store.getVersions(['component:default/a']);
    expect(versions.get('component:default/a')?.etag).toBe('etag-a');

    // A full run that saw a but did not write it (unchanged) removes b and c, which it did not
    // see; d, scored by a change while the run went on, stays. The list's total (kept a few
    // seconds per filter) follows each write at once.
    const byName = {
      orderBy: 'name',
      order: 'asc',
      limit: 10,
      offset: 0,
    } as const;
    expect((await store.listEntities(byName)).totalItems).toBe(3);
    const runStart = new Date(now.getTime() + 1000);
    await store.upsertScores([row('d', 60)], new Date(runStart.getTime() + 1));
    expect((await store.listEntities(byName)).totalItems).toBe(4);
    expect(
      await store.deleteUnseen(new Set(['component:default/a']), runStart),
    ).toBe(2);
    const afterRun = await store.listEntities(byName);
    expect(afterRun.items.map(i => i.name)).toEqual(['a', 'd']);
    expect(afterRun.totalItems).toBe(2);
    await store.deleteEntities(['component:default/d']);
    expect((await store.listEntities(byName)).totalItems).toBe(1);
  });

  it('serves an unchanged score as evaluated by the last successful full run', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const written = new Date('2026-11-01T10:00:00Z');
    await store.upsertScores([row('a', 80)], written);
    expect((await store.getEntity('component:default/a'))?.evaluatedAt).toBe(
      written.toISOString(),
    );
    const run = (status: string, startedAt: string) => ({
      instance: 'test',
      trigger: 'schedule',
      status,
      started_at: startedAt,
      heartbeat_at: startedAt,
    });
    await knex('quality_evaluation_runs').insert([
      run('succeeded', '2026-11-02T02:00:00Z'),
      run('failed', '2026-11-03T02:00:00Z'),
    ]);
    expect((await store.getEntity('component:default/a'))?.evaluatedAt).toBe(
      '2026-11-02T02:00:00.000Z',
    );
    const [listed] = (
      await store.listEntities({
        orderBy: 'score',
        order: 'asc',
        limit: 1,
        offset: 0,
      })
    ).items;
    expect(listed.evaluatedAt).toBe('2026-11-02T02:00:00.000Z');
  });

  it('fills the days between the scores written into the entity history', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const dayOf = (date: Date) => date.toISOString().slice(0, 10);
    // Written 40 days ago, then 2 days ago: nothing changed in between.
    await store.upsertScores([row('a', 50)], daysAgo(40));
    await store.upsertScores([row('a', 70)], daysAgo(2));
    const history = await store.entityHistory('component:default/a', 30);
    expect(history).toHaveLength(30);
    expect(history[0]).toEqual({ day: dayOf(daysAgo(29)), score: 50 });
    expect(history.at(-3)).toEqual({ day: dayOf(daysAgo(2)), score: 70 });
    expect(history.at(-1)).toEqual({ day: dayOf(daysAgo(0)), score: 70 });
    expect(await store.entityHistory('component:default/none', 30)).toEqual([]);

    // The retention keeps the score a has held since before the cutoff.
    await store.recordGroupHistory(new Date(), 10);
    expect(
      (await store.entityHistory('component:default/a', 30)).map(p => p.score),
    ).toEqual(Array(30).fill(50).fill(70, -3));
  });

  it('drops history older than the retention of entities no longer scored', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    await knex('quality_entity_history').insert({
      entity_ref: 'component:default/old',
      day: '2020-01-01',
      score: 10,
    });
    await store.recordGroupHistory(new Date(), 90);
    expect(await knex('quality_entity_history').count({ n: '*' })).toEqual([
      { n: '0' },
    ]);
  });
});
