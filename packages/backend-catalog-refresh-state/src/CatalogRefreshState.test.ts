import { storeTestDatabase } from '@internal/backend-test-utils';
import { CatalogRefreshState } from './CatalogRefreshState';

// The installed catalog's own migrations: the layout this package reads is the catalog's.
const catalogDatabase = storeTestDatabase('@backstage/plugin-catalog-backend');

async function given(knex: any, entityRef: string, id: string) {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  await knex('refresh_state').insert({
    entity_id: id,
    entity_ref: entityRef,
    unprocessed_entity: JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace },
    }),
    errors: '[]',
    next_update_at: knex.fn.now(),
    last_discovery_at: knex.fn.now(),
  });
}

describe('CatalogRefreshState', () => {
  it('tells the refs the catalog holds, served or not, from those it does not hold, whatever their case', async () => {
    const knex = await catalogDatabase.migrated();
    await given(knex, 'component:default/Parcels', 'a1');
    await given(knex, 'user:default/martin', 'a2');
    const state = new CatalogRefreshState(knex);
    expect(
      await state.heldRefs([
        'component:default/parcels',
        'user:default/martin',
        'component:default/gone',
      ]),
    ).toEqual(new Set(['component:default/parcels', 'user:default/martin']));
    expect(await state.heldRefs([])).toEqual(new Set());
    await knex.destroy();
  });
});
