import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import {
  componentEntity,
  groupEntity,
  userEntity,
} from '@internal/backend-test-utils';
import { DatabaseQualityStore } from '../database/DatabaseQualityStore';
import { CatalogGroupOwnerValidator } from './OwnerValidator';
import { QualityEvaluator } from './QualityEvaluator';

if (!process.env.BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING) {
  throw new Error(
    'BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING is not set: these tests need a real PostgreSQL (scripts/portal test sets it)',
  );
}

const databases = TestDatabases.create({ ids: ['POSTGRES_18'] });

const component = (name: string, etag: string, extra: object = {}) =>
  componentEntity(
    name,
    { type: 'library', owner: 'team-a' },
    { etag, ...extra },
  );

describe('QualityEvaluator', () => {
  it('re-scores only entities whose etag changed and drops deleted ones', async () => {
    const knex = await databases.init('POSTGRES_18');
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-metadata-quality-backend',
        'migrations',
      ),
    });
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
      catalog,
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      rules: DEFAULT_RULES,
      levels: DEFAULT_LEVELS,
      ownerValidator: new CatalogGroupOwnerValidator(),
      retentionDays: 90,
      pageSize: 2,
      now: () => now,
    });

    expect(await evaluator.evaluateAll()).toEqual(
      expect.objectContaining({ evaluated: 2, removed: 0 }),
    );
    const before = await store.getEntity('component:default/a');
    expect(before?.failingRules).toContain('has-description');

    // Nothing changed: nothing is fetched again, not even the unscored User.
    expect(await evaluator.evaluateChanged()).toEqual(
      expect.objectContaining({ evaluated: 0, removed: 0 }),
    );
    expect(requested).toEqual([]);

    // a gets a description (new etag), b is deleted.
    now = new Date('2026-11-27T10:00:05Z');
    entities = [
      ...entities.slice(0, 2),
      component('a', 'a2', { description: 'Now described' }),
    ];
    expect(await evaluator.evaluateChanged()).toEqual(
      expect.objectContaining({ evaluated: 1, removed: 1 }),
    );
    expect(requested).toEqual(['component:default/a']);
    const after = await store.getEntity('component:default/a');
    expect(after?.failingRules).not.toContain('has-description');
    expect(after!.score).toBeGreaterThan(before!.score);
    // The freshness clock restarts when the etag changes.
    expect(after?.changedAt).toBe('2026-11-27T10:00:05.000Z');
    expect(await store.getEntity('component:default/b')).toBeUndefined();
  });
});
