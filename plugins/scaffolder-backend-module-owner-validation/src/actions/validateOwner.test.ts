import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  departedUserEntity,
  groupEntity,
  userEntity,
} from '@internal/backend-test-utils';
import { createValidateOwnerAction } from './validateOwner';

const entities: Entity[] = [
  groupEntity('payments'),
  groupEntity('ghosts', { parent: 'payments' }),
  userEntity('alice', { memberOf: ['payments'] }),
  departedUserEntity('bob', { memberOf: ['payments'] }),
];

function setup() {
  const catalog = catalogServiceMock({ entities });
  const action = createValidateOwnerAction({ catalog, checkOptions: {} });
  return { action, catalog };
}

describe('owner:validate', () => {
  it('accepts a group with members', async () => {
    const { action } = setup();
    const ctx = createMockActionContext({ input: { owner: 'payments' } });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'ownerRef',
      'group:default/payments',
    );
  });

  it.each([
    [
      'user:bob',
      "Invalid owner 'user:bob': Owner has left. Owner 'user:default/bob' has left: the user is marked as departed (lighthouse.acme/departed). Suggested owner: 'group:default/payments'.",
    ],
    [
      'ghosts',
      "Invalid owner 'ghosts': Owner group has no members. Owner 'group:default/ghosts' has no members, directly or through its child groups. Suggested owner: 'group:default/payments'.",
    ],
    [
      'group:nobody',
      "Invalid owner 'group:nobody': Owner not found. Owner 'group:default/nobody' does not exist in the catalog.",
    ],
    [
      'group:',
      "Invalid owner 'group:': Invalid owner reference. Owner 'group:' is not a valid entity reference (expected [kind:][namespace/]name).",
    ],
  ])(
    'fails for %j naming the owner and its problem',
    async (owner, message) => {
      const { action } = setup();
      const ctx = createMockActionContext({ input: { owner } });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );

  it('only warns when a person owns the entity', async () => {
    const { action } = setup();
    const ctx = createMockActionContext({ input: { owner: 'user:alice' } });
    const warn = jest.spyOn(ctx.logger, 'warn');
    await action.handler(ctx);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("consider 'group:default/payments'"),
    );
    expect(ctx.output).toHaveBeenCalledWith('ownerRef', 'user:default/alice');
  });
});
