import { poll, storeTestDatabase } from '@internal/backend-test-utils';
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

  it('changes its membership version when an entity is added or removed, and only then', async () => {
    const knex = await catalogDatabase.migrated();
    const state = new CatalogRefreshState(knex);
    const changedFrom = (before: string | undefined) =>
      // PostgreSQL publishes a connection's counts within seconds of its writes.
      poll(
        'the membership version to change',
        async () => {
          const now = await state.membershipVersion();
          return now !== before && now;
        },
        30_000,
        200,
      );
    const initial = await state.membershipVersion();
    expect(initial).toEqual(expect.stringContaining('refresh_state:'));

    await given(knex, 'component:default/parcels', 'a1');
    const added = await changedFrom(initial);
    await knex('refresh_state')
      .where('entity_id', 'a1')
      .update({ errors: '[{"name":"InputError","message":"bad"}]' });
    // An update is not a change of membership: the version holds while nothing is added or removed.
    await new Promise(r => setTimeout(r, 1500));
    await knex.raw('SELECT pg_stat_force_next_flush()');
    expect(await state.membershipVersion()).toBe(added);

    await knex('refresh_state').where('entity_id', 'a1').delete();
    await changedFrom(added);
    await knex.destroy();
  });
});
