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

    await store.refreshGroupSummaries();
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

    // A full run that did not see b and c removes them.
    const later = new Date(now.getTime() + 1000);
    await store.upsertScores([row('a', 95)], later);
    expect(await store.deleteEvaluatedBefore(later)).toBe(2);
  });

  it('drops history older than the retention', async () => {
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
