import { Entity } from '@backstage/catalog-model';
import { groupRowOf } from './catalogGroups';

function group(spec: Entity['spec'], title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'Payments', namespace: 'Finance', title },
    spec,
  };
}

describe('groupRowOf', () => {
  it("stores the group's ref and its parent's, lower case, in the group's namespace", () => {
    expect(
      groupRowOf(group({ parent: ' Money ', profile: { displayName: 'Pay' } })),
    ).toEqual({
      groupRef: 'group:finance/payments',
      parentRef: 'group:finance/money',
      title: 'Pay',
    });
  });

  it('leaves out a missing or malformed parent and falls back to the title', () => {
    expect(groupRowOf(group({}, 'Payments team'))).toEqual({
      groupRef: 'group:finance/payments',
      title: 'Payments team',
    });
    expect(groupRowOf(group({ parent: 'group:' })).parentRef).toBeUndefined();
  });
});
