import type { Entity } from '@backstage/catalog-model';
import { OrgGraph, orgGraphOf } from './OrgGraph';

const org: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', labels: { gone: 'yes' } },
    spec: { memberOf: ['payments'] },
  },
];

describe('orgGraphOf', () => {
  it('builds the graph of a list once per departed marker', () => {
    const graph = orgGraphOf(org);
    expect(orgGraphOf(org)).toBe(graph);
    expect(graph.hasMembers('group:default/payments')).toBe(true);

    const marked = orgGraphOf(org, { key: 'gone', value: 'yes' });
    expect(marked).not.toBe(graph);
    expect(marked.hasMembers('group:default/payments')).toBe(false);
    expect(orgGraphOf(org, { key: 'gone', value: 'yes' })).toBe(marked);
  });

  it('builds a new graph for a new list', () => {
    const graph = orgGraphOf(org);
    const withoutAda = org.slice(0, 1);
    expect(orgGraphOf(withoutAda)).not.toBe(graph);
    expect(orgGraphOf(withoutAda).hasMembers('group:default/payments')).toBe(
      false,
    );
  });
});

describe('OrgGraph', () => {
  const group = (name: string, relations: Entity['relations']): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
    relations,
  });
  const member = (user: string) => ({
    type: 'hasMember',
    targetRef: `user:default/${user}`,
  });
  /** User ada; `relations` undefined: an entity not read from the catalog. */
  const ada = (
    memberOf: string[],
    relations?: Entity['relations'],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada' },
    spec: { memberOf },
    ...(relations ? { relations } : {}),
  });
  const memberOf = (team: string) => ({
    type: 'memberOf',
    targetRef: `group:default/${team}`,
  });

  it('drops a membership only the group still lists after the user moved team (stitched apart)', () => {
    // The catalog served the moved user, but stitched the team they left before the move.
    const movedOn = ada(['search'], [memberOf('search')]);
    const graph = new OrgGraph(
      [group('payments', [member('ada')]), group('search', []), movedOn],
      () => false,
    );
    expect(graph.existingGroupsOf('user:default/ada')).toEqual([
      'group:default/search',
    ]);
    expect(graph.hasMembers('group:default/payments')).toBe(false);
    expect(graph.hasMembers('group:default/search')).toBe(true);
  });

  it('keeps a membership known only from relations when both ends list it', () => {
    const graph = new OrgGraph(
      [group('payments', [member('ada')]), ada([], [memberOf('payments')])],
      () => false,
    );
    expect(graph.existingGroupsOf('user:default/ada')).toEqual([
      'group:default/payments',
    ]);
  });

  it('keeps a relation whose other end lists no relations (not read from the catalog)', () => {
    const graph = new OrgGraph(
      [group('payments', [member('ada')]), ada([])],
      () => false,
    );
    expect(graph.hasMembers('group:default/payments')).toBe(true);
  });
});
