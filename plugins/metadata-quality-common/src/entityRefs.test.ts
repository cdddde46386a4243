import { Entity } from '@backstage/catalog-model';
import {
  entityRefIn,
  normalizeRef,
  refOf,
  resolveRefIn,
  shortRef,
} from './entityRefs';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Ledger-Writer', namespace: 'Finance' },
  spec: { owner: 'Payments' },
};

describe('entity refs', () => {
  it('normalises refs to lower case', () => {
    expect(normalizeRef('Group:Default/Web')).toBe('group:default/web');
    // Beyond ASCII, the catalog's own rule.
    expect(normalizeRef('Component:default/ÄRGER-İ')).toBe(
      'Component:default/ÄRGER-İ'.toLocaleLowerCase('en-US'),
    );
    expect(refOf(entity)).toBe('component:finance/ledger-writer');
    expect(refOf({ kind: 'Group', namespace: 'default', name: 'Web' })).toBe(
      'group:default/web',
    );
  });

  it("resolves a ref written in a field against the entity's namespace", () => {
    expect(resolveRefIn(entity, ' Payments ', 'group')).toBe(
      'group:finance/payments',
    );
    expect(resolveRefIn(entity, 'system:default/Ledger', 'group')).toBe(
      'system:default/ledger',
    );
    expect(resolveRefIn(entity, '', 'group')).toBeUndefined();
    expect(resolveRefIn(entity, 42, 'group')).toBeUndefined();
    expect(resolveRefIn(entity, 'group:', 'group')).toBeUndefined();
  });

  it("shortens a ref the way the entity's own file would write it", () => {
    expect(shortRef('group:finance/payments', entity, 'group')).toBe(
      'payments',
    );
    expect(shortRef('system:finance/ledger', entity, 'group')).toBe(
      'system:ledger',
    );
    expect(shortRef('group:default/web', entity, 'group')).toBe(
      'group:default/web',
    );
  });

  it("takes the entity's ref from a context made for it, computes it otherwise", () => {
    expect(entityRefIn(entity, {})).toBe('component:finance/ledger-writer');
    // The caller's ref is taken as it is, not computed again.
    expect(entityRefIn(entity, { entityRef: 'component:finance/given' })).toBe(
      'component:finance/given',
    );
  });
});
