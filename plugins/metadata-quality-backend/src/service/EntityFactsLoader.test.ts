import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntity, componentEntity } from '@internal/backend-test-utils';
import { EntityFactsLoader } from './EntityFactsLoader';

const relation = (type: string, targetRef: string) => ({ type, targetRef });

// Two services: `orders` has an API named after it that nobody provides yet; `billing` has one
// that another component already provides. `worker` has no system and consumes an API that has one.
const entities: Entity[] = [
  componentEntity('orders', { owner: 'team-a', system: 'shop' }),
  componentEntity('billing', { owner: 'team-a', system: 'shop' }),
  {
    ...componentEntity('worker', { owner: 'team-b' }),
    relations: [relation('consumesApi', 'api:default/payments-api')],
  },
  catalogEntity('API', 'orders-api', { owner: 'team-a' }),
  {
    ...catalogEntity('API', 'billing', { owner: 'team-a' }),
    relations: [relation('apiProvidedBy', 'component:default/ledger')],
  },
  catalogEntity('API', 'payments-api', { owner: 'team-b', system: 'payments' }),
  {
    ...catalogEntity('System', 'shop', { owner: 'team-b' }),
    relations: [relation('ownedBy', 'group:default/team-b')],
  },
];

/** The mock catalog, recording the refs asked for one by one. */
function recordingCatalog() {
  const catalog = catalogServiceMock({ entities });
  const requested: string[] = [];
  const recording = {
    streamEntities: catalog.streamEntities.bind(catalog),
    getEntitiesByRefs: (req: any, opts: any) => {
      requested.push(...req.entityRefs);
      return catalog.getEntitiesByRefs(req, opts);
    },
  } as unknown as CatalogService;
  return { catalog: recording, requested };
}

describe('EntityFactsLoader', () => {
  const page = entities.filter(e => e.kind === 'Component');

  it('finds the same facts with what a full run reads once as with per-page lookups, without asking for APIs', async () => {
    const perPage = recordingCatalog();
    const expected = await new EntityFactsLoader({
      catalog: perPage.catalog,
      auth: mockServices.auth(),
    }).load(page);
    expect(Object.fromEntries(expected)).toEqual({
      'component:default/orders': {
        suggestedApiRefs: ['api:default/orders-api'],
      },
      'component:default/worker': {
        suggestedSystemRef: 'system:default/payments',
        suggestedSystemReason: 'the system of its API payments-api',
      },
    });
    expect(perPage.requested).toContain('api:default/orders-api');

    const shared = recordingCatalog();
    const loader = new EntityFactsLoader({
      catalog: shared.catalog,
      auth: mockServices.auth(),
    });
    const facts = await loader.load(page, await loader.readShared());
    expect(facts).toEqual(expected);
    expect(shared.requested.filter(ref => ref.startsWith('api:'))).toEqual([]);
  });
});
