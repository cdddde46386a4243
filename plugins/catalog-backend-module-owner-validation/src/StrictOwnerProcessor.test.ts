import type { Entity } from '@backstage/catalog-model';
import {
  componentEntity,
  departedUserEntity,
  groupEntity,
  userEntity,
} from '@internal/backend-test-utils';
import { StrictOwnerProcessor } from './StrictOwnerProcessor';

const component = (owner: unknown) => componentEntity('c', { owner });

const org: Entity[] = [
  groupEntity('payments'),
  groupEntity('empty'),
  userEntity('ada', { memberOf: ['payments'] }),
  departedUserEntity('gone', { memberOf: ['payments'] }),
];

describe('StrictOwnerProcessor', () => {
  const onError = jest.fn();
  const processor = new StrictOwnerProcessor({}, async () => org, onError);

  it('passes an entity owned by a group with members', async () => {
    const entity = component('group:default/payments');
    await expect(processor.preProcessEntity(entity)).resolves.toBe(entity);
  });

  it('passes kinds without owners, and users and groups themselves', async () => {
    const location = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'l' },
      spec: {},
    };
    await expect(processor.preProcessEntity(location)).resolves.toBe(location);
    await expect(processor.preProcessEntity(org[1])).resolves.toBe(org[1]);
  });

  it.each([
    [undefined, 'Has no owner'],
    ['group:', "Owner 'group:' is not a valid entity reference"],
    ['a:b:c', "Owner 'a:b:c' is not a valid entity reference"],
    ['component:x', "Owner 'component:x' must be a Group or User"],
    ['group:default/nobody', 'nobody'],
    ['user:default/gone', 'gone'],
    ['group:default/empty', 'empty'],
  ])('refuses the owner %j, naming the entity', async (owner, message) => {
    const refusal = processor.preProcessEntity(component(owner));
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.toThrow(
      "Owner check refused 'component:default/c'",
    );
  });

  it('lets a finding through when its severity is only a warning', async () => {
    const lenient = new StrictOwnerProcessor(
      { severities: { missingOwner: 'warning' } },
      async () => org,
      onError,
    );
    const entity = component(undefined);
    await expect(lenient.preProcessEntity(entity)).resolves.toBe(entity);
  });

  it('judges only the reference when the catalog cannot be read', async () => {
    const errors: unknown[] = [];
    const blind = new StrictOwnerProcessor(
      {},
      async () => {
        throw new Error('catalog down');
      },
      e => errors.push(e),
    );
    const entity = component('group:default/nobody');
    await expect(blind.preProcessEntity(entity)).resolves.toBe(entity);
    await expect(blind.preProcessEntity(component('a:b:c'))).rejects.toThrow(
      'not a valid entity reference',
    );
    expect(errors).toHaveLength(2);
  });

  it('reads the org at most once within its maximum age', async () => {
    const readOrg = jest.fn(async () => org);
    const cached = new StrictOwnerProcessor({}, readOrg, onError, 60_000);
    await cached.preProcessEntity(component('group:default/payments'));
    await cached.preProcessEntity(component('group:default/payments'));
    expect(readOrg).toHaveBeenCalledTimes(1);
  });

  it('reads the org again before refusing an owner it has not seen yet', async () => {
    let known: Entity[] = [];
    const fresh = new StrictOwnerProcessor(
      {},
      async () => known,
      onError,
      60_000,
      0,
    );
    await expect(
      fresh.preProcessEntity(component('group:default/payments')),
    ).rejects.toThrow('payments');
    known = org;
    await new Promise(r => setTimeout(r, 5));
    const entity = component('group:default/payments');
    await expect(fresh.preProcessEntity(entity)).resolves.toBe(entity);
  });
});
