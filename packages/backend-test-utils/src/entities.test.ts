import {
  catalogEntity,
  componentEntity,
  groupEntity,
  userEntity,
} from './entities';

describe('entity builders', () => {
  it('fill in the namespace and the defaults of each kind', () => {
    expect(groupEntity('payments', { parent: 'engineering' })).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { type: 'team', parent: 'engineering', children: [] },
    });
    expect(userEntity('ada', { memberOf: ['payments'] })).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'ada', namespace: 'default' },
      spec: { memberOf: ['payments'] },
    });
    expect(
      componentEntity('api', { owner: 'payments' }, { etag: 'e1' }),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'api', namespace: 'default', etag: 'e1' },
      spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
    });
  });

  it('let the caller override every default', () => {
    expect(
      catalogEntity('API', 'a', { type: 'openapi' }, { namespace: 'ns' }),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'a', namespace: 'ns' },
      spec: { type: 'openapi' },
    });
    expect(
      componentEntity('lib', { type: 'library', lifecycle: 'experimental' })
        .spec,
    ).toEqual({ type: 'library', lifecycle: 'experimental' });
  });
});
