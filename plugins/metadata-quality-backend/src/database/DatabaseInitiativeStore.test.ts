import { storeTestDatabase } from '@internal/backend-test-utils';
import {
  InitiativeOutcomes,
  validateInitiative,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import { DatabaseInitiativeStore } from './DatabaseInitiativeStore';
import { DatabaseQualityStore } from './DatabaseQualityStore';
import { scoreRow } from '../__testUtils__/scoreRow';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');
const { migrations } = db;

async function setup() {
  const knex = await db.migrated();
  return {
    knex,
    store: new DatabaseInitiativeStore(knex),
    scores: new DatabaseQualityStore(knex),
  };
}

const definition = validateInitiative(
  {
    title: 'TechDocs everywhere',
    ruleIds: ['has-techdocs'],
    target: { kinds: ['Component'] },
    startsAt: '2026-01-01',
    deadline: '2026-03-31',
  },
  DEFAULT_RULES,
);

/** A scored component of `owner` with the initiative outcomes given. */
function scored(name: string, owner: string, initiatives?: InitiativeOutcomes) {
  return scoreRow(name, owner, initiatives ? { initiatives } : {});
}

describe('DatabaseInitiativeStore', () => {
  it('steps its migration down and up', async () => {
    const { knex } = await setup();
    const name = '20261208_initiatives.js';
    await knex.migrate.down({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_initiatives')).toBe(false);
    expect(
      await knex.schema.hasColumn('quality_entity_scores', 'initiatives'),
    ).toBe(false);
    expect(await knex.schema.hasTable('quality_exemptions')).toBe(true);
    await knex.migrate.up({ directory: migrations, name });
    expect(await knex.schema.hasTable('quality_initiative_progress')).toBe(
      true,
    );
    expect(
      await knex.schema.hasColumn('quality_entity_scores', 'initiatives'),
    ).toBe(true);
  });

  it('stores, lists, changes and deletes initiatives', async () => {
    const { store } = await setup();
    const at = new Date('2025-12-20T10:00:00Z');
    const created = await store.create(definition, 'user:default/root', at);
    expect(created).toEqual({
      ...definition,
      id: expect.any(Number),
      createdBy: 'user:default/root',
      createdAt: at,
      updatedAt: at,
    });
    const later = await store.create(
      { ...definition, title: 'Later', deadline: new Date('2026-06-30') },
      'user:default/root',
      at,
    );
    expect((await store.list()).map(i => i.title)).toEqual([
      'TechDocs everywhere',
      'Later',
    ]);
    const changed = await store.update(
      created.id,
      { ...definition, title: 'Docs for all' },
      new Date('2025-12-21T00:00:00Z'),
    );
    expect(changed?.title).toBe('Docs for all');
    expect(changed?.updatedAt).toEqual(new Date('2025-12-21T00:00:00Z'));
    expect(await store.update(9999, definition, at)).toBeUndefined();
    expect(await store.delete(later.id)).toBe(true);
    expect(await store.delete(later.id)).toBe(false);
    expect(await store.get(later.id)).toBeUndefined();
  });

  it('reads progress from the outcomes stored with the scores, per team and over time', async () => {
    const { store, scores, knex } = await setup();
    const initiative = await store.create(
      definition,
      'user:default/root',
      new Date('2025-12-20T00:00:00Z'),
    );
    const key = String(initiative.id);
    await knex('quality_groups').insert({
      group_ref: 'group:default/payments',
      title: 'Payments Team',
    });
    const day1 = new Date('2026-01-05T12:00:00Z');
    await scores.upsertScores(
      [
        scored('pay', 'payments', { [key]: ['has-techdocs'] }),
        scored('ledger', 'payments', { [key]: [] }),
        scored('web', 'web', { [key]: ['has-techdocs'] }),
        scored('untargeted', 'web'),
      ],
      day1,
    );
    expect((await store.progress()).get(initiative.id)).toEqual({
      targeted: 3,
      passing: 1,
    });
    expect(await store.teams(initiative.id)).toEqual([
      {
        ownerRef: 'group:default/payments',
        title: 'Payments Team',
        targeted: 2,
        passing: 1,
      },
      { ownerRef: 'group:default/web', targeted: 1, passing: 0 },
    ]);
    const failing = await store.failing(initiative.id, {
      limit: 1,
      offset: 0,
    });
    expect(failing.totalItems).toBe(2);
    expect(failing.items).toEqual([
      {
        entityRef: 'component:default/pay',
        kind: 'Component',
        namespace: 'default',
        name: 'pay',
        ownerRef: 'group:default/payments',
        failingRules: ['has-techdocs'],
      },
    ]);
    expect(await store.failingOwners(initiative.id)).toEqual([
      {
        ownerRef: 'group:default/payments',
        entities: [{ entityRef: 'component:default/pay', name: 'pay' }],
      },
      {
        ownerRef: 'group:default/web',
        entities: [{ entityRef: 'component:default/web', name: 'web' }],
      },
    ]);

    // A full evaluation records the day's progress and marks the initiative evaluated.
    await store.recordProgress([initiative], day1);
    await scores.upsertScores(
      [scored('pay', 'payments', { [key]: [] })],
      new Date('2026-01-06T12:00:00Z'),
    );
    await store.recordProgress([initiative], new Date('2026-01-06T12:00:00Z'));
    expect(await store.history(initiative.id)).toEqual([
      { day: '2026-01-05', targeted: 3, passing: 1 },
      { day: '2026-01-06', targeted: 3, passing: 2 },
    ]);
    expect(
      await store.history(initiative.id, 'group:default/payments'),
    ).toEqual([
      { day: '2026-01-05', targeted: 2, passing: 1 },
      { day: '2026-01-06', targeted: 2, passing: 2 },
    ]);
    expect((await store.get(initiative.id))?.evaluatedAt).toEqual(
      new Date('2026-01-06T12:00:00Z'),
    );
    // After its deadline day no more points are recorded.
    await store.recordProgress([initiative], new Date('2026-04-02T00:00:00Z'));
    expect(await store.history(initiative.id)).toHaveLength(2);

    // The leaderboard and the entity list filtered by the initiative.
    const groups = await scores.groupSummaries(initiative.id);
    expect(groups).toEqual([
      expect.objectContaining({
        groupRef: 'group:default/payments',
        entityCount: 2,
        passing: 2,
        averageScore: 50,
      }),
    ]);
    const listed = await scores.listEntities({
      initiative: initiative.id,
      orderBy: 'name',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(listed.items.map(e => e.name)).toEqual(['ledger', 'pay', 'web']);

    // Deleting it drops its outcomes from the scores, its history and its notices.
    await store.recordNotice(
      initiative.id,
      'started',
      'group:default/web',
      day1,
    );
    expect(await store.delete(initiative.id)).toBe(true);
    expect((await store.progress()).size).toBe(0);
    expect(await knex('quality_initiative_progress').count()).toEqual([
      { count: '0' },
    ]);
    expect(await knex('quality_initiative_notices').count()).toEqual([
      { count: '0' },
    ]);
  });

  it('records notices once', async () => {
    const { store } = await setup();
    const { id } = await store.create(
      definition,
      'user:default/root',
      new Date(),
    );
    const at = new Date('2026-01-01T00:00:00Z');
    await store.recordNotice(id, 'started', 'group:default/web', at);
    await store.recordNotice(id, 'started', 'group:default/web', at);
    expect(await store.notifiedOwners(id, 'started')).toEqual(
      new Set(['group:default/web']),
    );
    expect(await store.notifiedOwners(id, 'ended')).toEqual(new Set());
  });
});
