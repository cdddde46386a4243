import type { Entity } from '@backstage/catalog-model';
import { StrictOwnerProcessor } from './StrictOwnerProcessor';

function component(owner: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'c', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
  } as Entity;
}

describe('StrictOwnerProcessor', () => {
  const processor = new StrictOwnerProcessor({});

  it('passes entities with a well-formed owner, even one it cannot see', async () => {
    for (const owner of ['payments', 'group:ops/sre', 'user:departed.person']) {
      const entity = component(owner);
      await expect(processor.preProcessEntity(entity)).resolves.toBe(entity);
    }
  });

  it('passes kinds without owners', async () => {
    const location = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'l' },
      spec: {},
    };
    await expect(processor.preProcessEntity(location)).resolves.toBe(location);
  });

  it.each([
    [undefined, 'Has no owner'],
    ['group:', "Owner 'group:' is not a valid entity reference"],
    ['a:b:c', "Owner 'a:b:c' is not a valid entity reference"],
    ['component:x', "Owner 'component:x' must be a Group or User"],
  ])('refuses the owner %j', async (owner, message) => {
    await expect(processor.preProcessEntity(component(owner))).rejects.toThrow(
      message,
    );
  });

  it('lets a missing owner through when that finding is only a warning', async () => {
    const lenient = new StrictOwnerProcessor({
      severities: { missingOwner: 'warning' },
    });
    const entity = component(undefined);
    await expect(lenient.preProcessEntity(entity)).resolves.toBe(entity);
  });
});
