import { Entity } from '@backstage/catalog-model';
import { entityContentHash, relatedRefsOf } from './entityContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'a', namespace: 'default', description: 'A' },
  spec: {
    type: 'service',
    owner: 'team-a',
    system: 'Payments',
    providesApis: ['a-api', 'api:other/b'],
    dependsOn: ['resource:db'],
  },
};

describe('entityContentHash', () => {
  it('ignores the catalog bookkeeping, relations, status and key order', () => {
    const stored = {
      spec: { ...entity.spec },
      metadata: { ...entity.metadata, uid: 'u', etag: 'e', generation: 1 },
      kind: entity.kind,
      apiVersion: entity.apiVersion,
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
      status: { items: [] },
    };
    expect(entityContentHash(stored)).toBe(entityContentHash(entity));
  });

  it('changes with the content', () => {
    const changed = {
      ...entity,
      metadata: { ...entity.metadata, description: 'B' },
    };
    expect(entityContentHash(changed)).not.toBe(entityContentHash(entity));
  });
});

describe('relatedRefsOf', () => {
  it('lists the refs the spec names, with the default kind of each field', () => {
    expect(relatedRefsOf(entity)).toEqual([
      'api:default/a-api',
      'api:other/b',
      'group:default/team-a',
      'resource:default/db',
      'system:default/payments',
    ]);
  });
});
