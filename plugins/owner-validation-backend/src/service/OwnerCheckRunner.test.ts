import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ClaimedChange } from '@internal/backend-catalog-changes';
import {
  catalogEntity,
  componentEntity,
  groupEntity,
  testPostgres,
  userEntity,
} from '@internal/backend-test-utils';
import { DatabaseFindingsStore } from '../database/DatabaseFindingsStore';
import { OwnerCheckRunner } from './OwnerCheckRunner';

const databases = testPostgres();

// The catalog adds the ownedBy relation the re-check finds a changed owner's entities by.
const owned = (name: string, owner: string): Entity => ({
  ...componentEntity(name, { owner }),
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const change = (entityRef: string): ClaimedChange => ({
  id: entityRef,
  entityRef,
  reason: 'changed',
  changeSeq: '1',
  enqueuedAt: new Date(),
  attempts: 1,
});

/** A runner with notifications off; `extra` adds or overrides options. */
const runnerOf = (
  catalog: CatalogService,
  store: DatabaseFindingsStore,
  extra: Partial<ConstructorParameters<typeof OwnerCheckRunner>[0]> = {},
) =>
  new OwnerCheckRunner({
    catalog,
    auth: mockServices.auth(),
    store,
    logger: mockServices.logger.mock(),
    config: {
      schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
      changesSchedule: { frequency: { seconds: 1 }, timeout: { minutes: 1 } },
      severities: {},
      departedMarker: {},
      notify: { enabled: false },
    },
    ...extra,
  });

describe('OwnerCheckRunner.run', () => {
  it('checks every owned entity from one read of the whole catalog, skipping the kinds nobody owns', async () => {
    const knex = await databases.init();
    const store = await DatabaseFindingsStore.create({
      database: mockServices.database({ knex }),
    });
    const entities: Entity[] = [
      groupEntity('payments', {}),
      userEntity('ada', { memberOf: ['payments'] }),
      owned('pay', 'group:default/payments'),
      owned('orphan', 'group:default/nobody'),
      // No owner to check: a finding here would be noise.
      catalogEntity('Location', 'repositories', { targets: [] }),
    ];
    const filters: unknown[] = [];
    const catalog = {
      streamEntities: (req: any, opts: any) => {
        filters.push(req.filter);
        return catalogServiceMock({ entities }).streamEntities(req, opts);
      },
    } as unknown as CatalogService;

    const summary = await runnerOf(catalog, store).run();

    // The org (2) and the owned components (2); the location is not counted.
    expect(summary).toMatchObject({ entityCount: 4, open: 1, opened: 1 });
    const open = await store.listFindings({
      status: 'open',
      limit: 10,
      offset: 0,
    });
    expect(open.items.map(f => f.entityRef)).toEqual([
      'component:default/orphan',
    ]);
    // The org with its kind filter, then everything without one.
    expect(filters).toEqual([{ kind: ['User', 'Group'] }, undefined]);
  });
});

describe('OwnerCheckRunner.checkChanges', () => {
  it('re-checks changed entities and those of a changed owner, leaving the rest', async () => {
    const knex = await databases.init();
    const store = await DatabaseFindingsStore.create({
      database: mockServices.database({ knex }),
    });
    let orgReads = 0;
    let entities: Entity[] = [
      groupEntity('payments', {}),
      userEntity('ada', { memberOf: ['payments'] }),
      owned('pay', 'group:default/payments'),
      owned('orphan', 'group:default/nobody'),
      owned('other', 'group:default/nobody'),
    ];
    const catalog = {
      getEntitiesByRefs: (req: any, opts: any) =>
        catalogServiceMock({ entities }).getEntitiesByRefs(req, opts),
      streamEntities: (req: any, opts: any) => {
        if (JSON.stringify(req.filter).includes('User')) orgReads++;
        return catalogServiceMock({ entities }).streamEntities(req, opts);
      },
    } as unknown as CatalogService;
    const told: string[][] = [];
    const runner = runnerOf(catalog, store, {
      onFindingsChanged: async refs => {
        told.push(refs);
      },
      // The org is read once: the batch's own users and groups, read fresh, update it.
      orgVersion: async () => 'unchanged',
    });

    // Only the changed orphan is checked: 'other' has the same problem but did not change.
    const first = await runner.checkChanges([
      change('component:default/orphan'),
    ]);
    expect(first).toMatchObject({
      checked: 1,
      opened: 1,
      resolved: 0,
      retry: [],
    });
    expect(
      (
        await store.listFindings({ status: 'open', limit: 10, offset: 0 })
      ).items.map(f => f.entityRef),
    ).toEqual(['component:default/orphan']);
    expect(told).toEqual([['component:default/orphan']]);

    // Ada leaves payments, which is now empty: its entities get a finding. The processor queues
    // the group she was in with her.
    entities = entities.map(e =>
      e.metadata.name === 'ada' ? userEntity('ada', { memberOf: [] }) : e,
    );
    const second = await runner.checkChanges([
      change('user:default/ada'),
      change('group:default/payments'),
    ]);
    expect(second).toMatchObject({ checked: 1, opened: 1 });
    const open = await store.listFindings({
      status: 'open',
      limit: 10,
      offset: 0,
    });
    expect(open.items.map(f => [f.entityRef, f.type]).sort()).toEqual([
      ['component:default/orphan', 'ownerNotFound'],
      ['component:default/pay', 'emptyGroup'],
    ]);

    // A new component names payments as its owner, which queues payments as related: payments
    // itself is unchanged, so only the new component is checked, not everything payments owns.
    entities = [...entities, owned('pay-next', 'group:default/payments')];
    const named = await runner.checkChanges([
      { ...change('component:default/pay-next'), reason: 'created' },
      { ...change('group:default/payments'), reason: 'related' },
    ]);
    expect(named).toMatchObject({ checked: 1, opened: 1 });

    // The orphan is deleted: its finding is resolved.
    entities = entities.filter(e => e.metadata.name !== 'orphan');
    const third = await runner.checkChanges([
      change('component:default/orphan'),
    ]);
    expect(third).toMatchObject({ resolved: 1 });
    expect(orgReads).toBe(1);
  });
});
