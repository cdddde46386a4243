import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { metadataQualityEvaluatePermission } from '@internal/plugin-metadata-quality-common';
import { ownerValidationEvaluatePermission } from '@internal/plugin-owner-validation-common';
import { LighthousePermissionPolicy } from './LighthousePermissionPolicy';

const memberships: Record<string, string[]> = {
  'user:default/alice': ['group:default/platform'],
  'user:default/bob': ['group:default/payments'],
  'user:default/root': [],
};

const userInfo = {
  async getUserInfo(credentials: any) {
    const userEntityRef = credentials.principal.userEntityRef as string;
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...memberships[userEntityRef]],
    };
  },
};

const policy = new LighthousePermissionPolicy(
  ['group:default/platform', 'User:default/root'],
  userInfo,
);

function as(userEntityRef: string) {
  const credentials = mockCredentials.user(userEntityRef);
  return { credentials, info: { userEntityRef, ownershipEntityRefs: [] } };
}

describe('LighthousePermissionPolicy', () => {
  it.each([
    metadataQualityEvaluatePermission,
    ownerValidationEvaluatePermission,
  ])('allows $name to a member of an admin group', async permission => {
    const decision = await policy.handle(
      { permission },
      as('user:default/alice'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('allows an admin named directly, whatever the case of the ref', async () => {
    const decision = await policy.handle(
      { permission: metadataQualityEvaluatePermission },
      as('user:default/root'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it.each([
    metadataQualityEvaluatePermission,
    ownerValidationEvaluatePermission,
  ])('denies $name to everyone else', async permission => {
    const decision = await policy.handle(
      { permission },
      as('user:default/bob'),
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('denies an admin-only permission without a user', async () => {
    const decision = await policy.handle({
      permission: ownerValidationEvaluatePermission,
    });
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('allows other permissions to any signed-in user', async () => {
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    const decision = await policy.handle(
      { permission: read },
      as('user:default/bob'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
