import { testPostgres } from '@internal/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import type { OwnerFinding } from '@internal/plugin-owner-validation-common';
import { mockOwnerFinding } from '@internal/plugin-owner-validation-common/testUtils';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';

const databases = testPostgres();

const finding = mockOwnerFinding;

async function createStore() {
  const knex = await databases.init();
  const store = await DatabaseFindingsStore.create({
    database: mockServices.database({ knex }),
  });
  return { knex, store };
}

function run(findings: OwnerFinding[], at: string, userTeams = new Map()) {
  return {
    findings,
    userTeams,
    entityCount: 10,
    startedAt: new Date(at),
    finishedAt: new Date(at),
  };
}

describe('DatabaseFindingsStore', () => {
  it('migrates up and down', async () => {
    const knex = await databases.init();
    const directory = DatabaseFindingsStore.migrationsDir;
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('owner_validation_findings')).toBe(true);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('owner_validation_findings')).toBe(false);
    expect(await knex.schema.hasTable('owner_validation_user_teams')).toBe(
      false,
    );
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('owner_validation_runs')).toBe(true);
    await knex.destroy();
  });

  it('steps the runs migration down, dropping runs that did not succeed', async () => {
    const { knex, store } = await createStore();
    const directory = DatabaseFindingsStore.migrationsDir;
    await store.recordRun(run([finding('a')], '2026-11-01T10:00:00Z'));
    await store.startRun('manual');
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('owner_validation_runs', 'status')).toBe(
      false,
    );
    expect(await knex('owner_validation_runs').count({ n: '*' })).toEqual([
      { n: '1' },
    ]);
    await knex.migrate.up({ directory });
    expect(await store.listRuns(10)).toEqual([
      expect.objectContaining({ status: 'succeeded', findingCount: 1 }),
    ]);
    await knex.destroy();
  });

  it('records runs from start to end, one running at a time across replicas', async () => {
    const { knex, store } = await createStore();
    const runId = await store.startRun('schedule');
    await expect(store.startRun('manual')).rejects.toThrow(
      /An ownership check is already running on '.+'/,
    );
    expect(await store.getSummary()).not.toHaveProperty('lastRun');
    await store.heartbeatRun(runId);
    await store.recordRun({
      ...run([finding('a')], '2026-11-01T10:00:00Z'),
      runId,
    });
    expect((await store.getSummary()).lastRun).toEqual(
      expect.objectContaining({ findingCount: 1 }),
    );

    // A run whose replica died (no heartbeat for a minute) is abandoned by the next one.
    const killed = await store.startRun('schedule');
    await knex('owner_validation_runs')
      .where('id', killed)
      .update({ heartbeat_at: knex.raw("now() - interval '1 minute'") });
    const next = await store.startRun('manual');
    await store.failRun(next, new Error('Catalog unavailable'));
    // The killed run cannot record findings any more.
    await expect(
      store.recordRun({
        ...run([], '2026-11-01T11:00:00Z'),
        runId: killed,
      }),
    ).rejects.toThrow('was marked abandoned');
    expect((await store.getEntityFindings('component:default/a')).length).toBe(
      1,
    );
    expect((await store.listRuns(10)).map(r => [r.trigger, r.status])).toEqual([
      ['manual', 'failed'],
      ['schedule', 'abandoned'],
      ['schedule', 'succeeded'],
    ]);
    await knex.destroy();
  });

  it('keeps history: first seen, last seen, resolved, reappeared', async () => {
    const { knex, store } = await createStore();
    expect(
      await store.recordRun(
        run([finding('a'), finding('b')], '2026-11-01T10:00:00Z'),
      ),
    ).toEqual({
      opened: 2,
      resolved: 0,
      open: 2,
      changedRefs: ['component:default/a', 'component:default/b'],
    });
    expect(
      await store.recordRun(run([finding('a')], '2026-11-01T11:00:00Z')),
    ).toEqual({
      opened: 0,
      resolved: 1,
      open: 1,
      changedRefs: ['component:default/b'],
    });

    const [a] = await store.getEntityFindings('Component:default/A');
    expect(a).toMatchObject({
      entityRef: 'component:default/a',
      firstSeen: '2026-11-01T10:00:00.000Z',
      lastSeen: '2026-11-01T11:00:00.000Z',
      suggestedOwner: 'group:default/payments',
    });
    expect(a.resolvedAt).toBeUndefined();
    expect(await store.getEntityFindings('component:default/b')).toEqual([]);

    const resolved = await store.listFindings({
      status: 'resolved',
      limit: 10,
      offset: 0,
    });
    expect(resolved.items).toMatchObject([
      {
        name: 'b',
        firstSeen: '2026-11-01T10:00:00.000Z',
        lastSeen: '2026-11-01T10:00:00.000Z',
        resolvedAt: '2026-11-01T11:00:00.000Z',
      },
    ]);

    // It comes back: a new occurrence, the old one stays as history.
    await store.recordRun(
      run([finding('a'), finding('b')], '2026-11-01T12:00:00Z'),
    );
    const all = await store.listFindings({
      status: 'all',
      limit: 10,
      offset: 0,
    });
    expect(all.totalCount).toBe(3);
    await knex.destroy();
  });

  it('updates the details of an ongoing finding', async () => {
    const { knex, store } = await createStore();
    await store.recordRun(run([finding('a')], '2026-11-01T10:00:00Z'));
    await store.recordRun(
      run(
        [finding('a', { severity: 'warning', suggestedOwner: undefined })],
        '2026-11-01T11:00:00Z',
      ),
    );
    const [a] = await store.getEntityFindings('component:default/a');
    expect(a.severity).toBe('warning');
    expect(a.suggestedOwner).toBeUndefined();
    expect(a.firstSeen).toBe('2026-11-01T10:00:00.000Z');
    await knex.destroy();
  });

  it('filters, pages and summarises', async () => {
    const { knex, store } = await createStore();
    await store.recordRun(
      run(
        [
          finding('a'),
          finding('b', { type: 'emptyGroup', team: 'group:default/ghosts' }),
          finding('c', { kind: 'API', entityRef: 'api:default/c' }),
          finding('d', {
            type: 'missingOwner',
            team: undefined,
            severity: 'warning',
          }),
        ],
        '2026-11-01T10:00:00Z',
      ),
    );
    const base = { status: 'open' as const, limit: 10, offset: 0 };
    const names = async (filter: object) =>
      (await store.listFindings({ ...base, ...filter })).items.map(f => f.name);

    // Grouped by team, then by entity ref (api:... sorts before component:...).
    expect(await names({})).toEqual(['b', 'c', 'a', 'd']);
    expect(await names({ types: ['emptyGroup', 'missingOwner'] })).toEqual([
      'b',
      'd',
    ]);
    expect(await names({ kinds: ['api'] })).toEqual(['c']);
    expect(await names({ team: 'group:default/payments' })).toEqual(['c', 'a']);
    expect(await names({ severities: ['warning'] })).toEqual(['d']);
    const page = await store.listFindings({ ...base, limit: 2, offset: 1 });
    expect(page.items.map(f => f.name)).toEqual(['c', 'a']);
    expect(page.totalCount).toBe(4);

    expect(await store.getSummary()).toEqual({
      total: 4,
      byType: { departedUser: 2, emptyGroup: 1, missingOwner: 1 },
      bySeverity: { error: 3, warning: 1 },
      byKind: { Component: 3, API: 1 },
      byTeam: [
        { team: 'group:default/payments', count: 2 },
        { team: 'group:default/ghosts', count: 1 },
        { team: null, count: 1 },
      ],
      lastRun: {
        finishedAt: '2026-11-01T10:00:00.000Z',
        entityCount: 10,
        findingCount: 4,
      },
    });
    await knex.destroy();
  });

  it('remembers teams of users and notification state', async () => {
    const { knex, store } = await createStore();
    await store.recordRun(
      run(
        [finding('a')],
        '2026-11-01T10:00:00Z',
        new Map([['user:default/ann', ['group:default/payments']]]),
      ),
    );
    await store.recordRun(
      run([finding('a')], '2026-11-01T11:00:00Z', new Map()),
    );
    expect(await store.getLastKnownTeams()).toEqual(
      new Map([['user:default/ann', ['group:default/payments']]]),
    );

    const [unnotified] = await store.getUnnotifiedFindings(['error']);
    expect(unnotified.name).toBe('a');
    await store.markNotified([unnotified.id], new Date('2026-11-01T11:00:00Z'));
    expect(await store.getUnnotifiedFindings(['error'])).toEqual([]);
    const [a] = await store.getEntityFindings('component:default/a');
    expect(a.notifiedAt).toBe('2026-11-01T11:00:00.000Z');
    await knex.destroy();
  });
});
