import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityFinder, matchScore } from './EntityFinder';

const entity = (kind: string, name: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...(title && { title }) },
});

const entities = [
  entity('Component', 'payments-service', 'Payments Service'),
  entity('API', 'payments-api', 'Payments API'),
  entity('System', 'payments'),
  entity('Group', 'payments', 'Payments Team'),
  entity('Component', 'route-optimizer', 'Route Optimizer'),
];

function finder() {
  const catalog = {
    getEntityByRef: jest.fn(async (ref: any) =>
      entities.find(
        e =>
          e.kind.toLocaleLowerCase('en-US') === ref.kind &&
          e.metadata.name === ref.name,
      ),
    ),
    queryEntities: jest.fn(async (request: any) => ({
      items: entities.filter(e =>
        `${e.metadata.name} ${e.metadata.title ?? ''}`
          .toLocaleLowerCase('en-US')
          .includes(request.fullTextFilter.term),
      ),
      totalItems: 0,
      pageInfo: {},
    })),
  };
  return { catalog, finder: new EntityFinder(catalog as any) };
}

const credentials = mockCredentials.user();

describe('EntityFinder', () => {
  it('finds by ref, Component by default, as the caller', async () => {
    const { catalog, finder: f } = finder();
    const found = await f.find('payments-service', credentials);
    expect(found.entity.metadata.name).toBe('payments-service');
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-service' },
      { credentials },
    );
    expect((await f.find('api:payments-api', credentials)).entity.kind).toBe(
      'API',
    );
  });

  it('finds by the words of a name or title, with the runners-up', async () => {
    const { finder: f } = finder();
    const found = await f.find('payments service', credentials);
    expect(found.entity.metadata.name).toBe('payments-service');
    expect(found.otherMatches).toContain('api:default/payments-api');
    expect(
      (await f.find('Route Optimizer', credentials)).entity.metadata.name,
    ).toBe('route-optimizer');
    expect(
      (await f.find('route optimiser', credentials)).entity.metadata.name,
    ).toBe('route-optimizer');
  });

  it('says what it could not find, quoting it', async () => {
    const { finder: f } = finder();
    await expect(f.find('component:default/nope', credentials)).rejects.toThrow(
      new NotFoundError("No entity 'component:default/nope'"),
    );
    await expect(f.find('billing engine', credentials)).rejects.toThrow(
      new NotFoundError("No entity matches 'billing engine'"),
    );
    await expect(f.find('?!', credentials)).rejects.toThrow(
      new InputError("No name or title to look for in '?!'"),
    );
  });

  it('scores an exact name above a partial one', () => {
    expect(matchScore(entities[2], 'payments')).toBeGreaterThan(
      matchScore(entities[0], 'payments'),
    );
    expect(matchScore(entities[4], 'payments')).toBe(0);
  });
});
