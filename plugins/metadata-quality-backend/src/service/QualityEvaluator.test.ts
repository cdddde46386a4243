import { mockServices } from '@backstage/backend-test-utils';
import { Entity, EntityLink } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import {
  componentEntity,
  groupEntity,
  storeTestDatabase,
  userEntity,
} from '@internal/backend-test-utils';
import {
  ClaimedChange,
  entityContentHash,
} from '@internal/backend-catalog-changes';
import { DatabaseQualityStore } from '../database/DatabaseQualityStore';
import { DatabaseRunStore } from '../database/DatabaseRunStore';
import { CatalogGroupOwnerValidator } from './OwnerValidator';
import { QualityEvaluator } from './QualityEvaluator';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');

const component = (name: string, etag: string, extra: object = {}) =>
  componentEntity(
    name,
    { type: 'library', owner: 'team-a' },
    { etag, ...extra },
  );

/** The evaluator's parts for these tests: the default rules and levels, owners checked against the catalog's groups. */
const evaluatorOptions = (
  catalog: CatalogService,
  store: DatabaseQualityStore,
) => ({
  catalog,
  auth: mockServices.auth(),
  store,
  logger: mockServices.logger.mock(),
  rules: DEFAULT_RULES,
  levels: DEFAULT_LEVELS,
  ownerValidator: new CatalogGroupOwnerValidator(),
  retentionDays: 90,
});

describe('QualityEvaluator', () => {
  it('re-scores the changed entities of a batch and drops deleted ones', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    let entities: Entity[] = [
      groupEntity('team-a', {}, { etag: 'g1' }),
      userEntity('someone', {}, { etag: 'u1' }),
      component('a', 'a1'),
      component('b', 'b1'),
    ];
    const requested: string[] = [];
    const catalog = {
      streamEntities: (req: any, opts: any) =>
        catalogServiceMock({ entities }).streamEntities(req, opts),
      getEntitiesByRefs: (req: any, opts: any) => {
        requested.push(...req.entityRefs);
        return catalogServiceMock({ entities }).getEntitiesByRefs(req, opts);
      },
    } as unknown as CatalogService;
    let now = new Date('2026-11-27T10:00:00Z');
    const evaluator = new QualityEvaluator({
      ...evaluatorOptions(catalog, store),
      pageSize: 2,
      now: () => now,
    });

    expect(await evaluator.evaluateAll()).toEqual(
      expect.objectContaining({ evaluated: 2, removed: 0 }),
    );
    const before = await store.getEntity('component:default/a');
    expect(before?.failingRules).toContain('has-description');

    // a gets a description, b is deleted: both are queued.
    now = new Date('2026-11-27T10:00:05Z');
    entities = [
      ...entities.slice(0, 2),
      component('a', 'a2', { description: 'Now described' }),
    ];
    const change = (ref: string, contentHash?: string): ClaimedChange => ({
      id: ref,
      entityRef: ref,
      reason: 'changed',
      changeSeq: '1',
      enqueuedAt: now,
      attempts: 1,
      ...(contentHash ? { contentHash } : {}),
    });
    expect(
      await evaluator.evaluateChanges([
        change('component:default/a', entityContentHash(entities[2])),
        change('component:default/b'),
      ]),
    ).toEqual(expect.objectContaining({ evaluated: 1, removed: 1, retry: [] }));
    expect(requested).toEqual(['component:default/a', 'component:default/b']);
    const after = await store.getEntity('component:default/a');
    expect(after?.failingRules).not.toContain('has-description');
    expect(after!.score).toBeGreaterThan(before!.score);
    // The freshness clock restarts when the etag changes.
    expect(after?.changedAt).toBe('2026-11-27T10:00:05.000Z');
    expect(await store.getEntity('component:default/b')).toBeUndefined();
  });

  it('writes in a full run only the scores that changed, and removes deleted entities', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    let entities: Entity[] = [
      groupEntity('team-a', {}, { etag: 'g1' }),
      userEntity('someone', {}, { etag: 'u1' }),
      component('a', 'a1'),
      component('b', 'b1'),
      component('c', 'c1'),
    ];
    const catalog = {
      streamEntities: (req: any, opts: any) =>
        catalogServiceMock({ entities }).streamEntities(req, opts),
    } as unknown as CatalogService;
    let now = new Date('2026-11-27T10:00:00Z');
    const evaluator = new QualityEvaluator({
      ...evaluatorOptions(catalog, store),
      runs: new DatabaseRunStore(knex),
      pageSize: 2,
      now: () => now,
    });
    await evaluator.evaluateAll();
    const written = async () =>
      Object.fromEntries(
        (
          await knex('quality_entity_scores').select('name', 'evaluated_at')
        ).map(r => [r.name, new Date(r.evaluated_at).toISOString()]),
      );
    expect(await written()).toEqual({
      a: '2026-11-27T10:00:00.000Z',
      b: '2026-11-27T10:00:00.000Z',
      c: '2026-11-27T10:00:00.000Z',
    });

    // b gets a description, c is deleted, a stays as it was.
    entities = [
      ...entities.slice(0, 3),
      component('b', 'b2', { description: 'Now described' }),
    ];
    now = new Date('2026-11-28T10:00:00Z');
    const secondRun = Date.now();
    expect(await evaluator.evaluateAll()).toEqual(
      expect.objectContaining({ evaluated: 2, removed: 1 }),
    );
    expect(await written()).toEqual({
      a: '2026-11-27T10:00:00.000Z',
      b: '2026-11-28T10:00:00.000Z',
    });
    const b = await store.getEntity('component:default/b');
    expect(b?.failingRules).not.toContain('has-description');
    // a was evaluated again by the second run, which found nothing to write.
    const a = await store.getEntity('component:default/a');
    expect(new Date(a!.evaluatedAt).getTime()).toBeGreaterThanOrEqual(
      secondRun - 1000,
    );
    expect(a?.failingRules).toContain('has-description');
  });

  it('rewrites a row whose advice changed with its entity or its rule, its results the same', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const service = (etag: string, links: EntityLink[]) =>
      componentEntity(
        'pay',
        { type: 'service', lifecycle: 'production', owner: 'team-a' },
        { etag, description: 'Takes payments', links },
      );
    let entities: Entity[] = [
      groupEntity('team-a', {}, { etag: 'g1' }),
      service('p1', []),
    ];
    const catalog = {
      streamEntities: (req: any, opts: any) =>
        catalogServiceMock({ entities }).streamEntities(req, opts),
    } as unknown as CatalogService;
    const fixOf = async (ruleId: string) =>
      (await store.getEntity('component:default/pay'))?.results.find(
        r => r.ruleId === ruleId,
      )?.fix;
    await new QualityEvaluator(evaluatorOptions(catalog, store)).evaluateAll();
    expect(await fixOf('has-runbook')).toContain('title: Runbook');
    expect(await fixOf('has-runbook')).not.toContain('Wiki');

    // A wiki link: has-runbook fails as before with the same plan, but its YAML keeps the new link.
    entities = [
      entities[0],
      service('p2', [{ url: 'https://wiki.example/pay', title: 'Wiki' }]),
    ];
    await new QualityEvaluator(evaluatorOptions(catalog, store)).evaluateAll();
    expect(await fixOf('has-runbook')).toContain('https://wiki.example/pay');

    // The rule's own advice configured differently: the entity is unchanged, the row is not.
    const rules = DEFAULT_RULES.map(r =>
      r.id === 'has-runbook'
        ? { ...r, howToFix: 'Ask #oncall for the runbook template.' }
        : r,
    );
    await new QualityEvaluator({
      ...evaluatorOptions(catalog, store),
      rules,
    }).evaluateAll();
    expect(await fixOf('has-runbook')).toContain(
      'Ask #oncall for the runbook template.',
    );
  });

  it('leaves a change the catalog does not serve yet to a later batch', async () => {
    const knex = await db.migrated();
    const store = new DatabaseQualityStore(knex);
    const served = component('a', 'a1');
    const evaluator = new QualityEvaluator(
      evaluatorOptions(catalogServiceMock({ entities: [served] }), store),
    );
    const processed = component('a', 'a1', { description: 'Not stored yet' });
    const waiting: ClaimedChange = {
      id: '1',
      entityRef: 'component:default/a',
      reason: 'changed',
      contentHash: entityContentHash(processed),
      changeSeq: '1',
      enqueuedAt: new Date(),
      attempts: 1,
    };
    const result = await evaluator.evaluateChanges([waiting]);
    expect(result).toEqual(
      expect.objectContaining({ evaluated: 0, removed: 0, retry: [waiting] }),
    );
  });
});
