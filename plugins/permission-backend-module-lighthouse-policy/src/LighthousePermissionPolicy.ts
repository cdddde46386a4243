import {
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { metadataQualityEvaluatePermission } from '@internal/plugin-metadata-quality-common';
import { ownerValidationEvaluatePermission } from '@internal/plugin-owner-validation-common';

/** Permissions only the configured admins hold. */
export const adminOnlyPermissions = [
  metadataQualityEvaluatePermission.name,
  ownerValidationEvaluatePermission.name,
];

/**
 * Signed-in users may do everything except the admin-only actions, which need the user, or a group
 * the user belongs to, in the admins list. Service-to-service calls never reach a policy.
 */
export class LighthousePermissionPolicy implements PermissionPolicy {
  private readonly admins: Set<string>;

  constructor(
    admins: string[],
    private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>,
  ) {
    this.admins = new Set(admins.map(ref => ref.toLocaleLowerCase('en-US')));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!adminOnlyPermissions.includes(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const info: BackstageUserInfo = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const refs = [info.userEntityRef, ...info.ownershipEntityRefs];
    const isAdmin = refs.some(ref =>
      this.admins.has(ref.toLocaleLowerCase('en-US')),
    );
    return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}
