import type { Entity } from '@backstage/catalog-model';
import { orgGraphOf } from './OrgGraph';

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
