import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  RESOURCE_TYPE_CATALOG_ENTITY,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTemplateConditionalDecision,
  scaffolderTemplateConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  RESOURCE_TYPE_SCAFFOLDER_TEMPLATE,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  metadataQualityEntityConfirmPermission,
  metadataQualityEvaluatePermission,
  metadataQualityExemptionDecidePermission,
  metadataQualityExemptionRequestPermission,
  metadataQualityInitiativeManagePermission,
} from '@internal/plugin-metadata-quality-common';
import { ownerValidationEvaluatePermission } from '@internal/plugin-owner-validation-common';
import {
  catalogFixesDecidePermission,
  catalogFixesHandoverAcceptAnyPermission,
} from '@internal/plugin-catalog-fixes-common';

/** Permissions only the configured admins hold. */
export const adminOnlyPermissions = [
  metadataQualityEvaluatePermission.name,
  metadataQualityExemptionDecidePermission.name,
  metadataQualityInitiativeManagePermission.name,
  ownerValidationEvaluatePermission.name,
  // Accepting a handover for a team one is not a member of (members accept for their own team).
  catalogFixesHandoverAcceptAnyPermission.name,
  // Deleting a location removes every entity it brought in, whoever owns them.
  catalogLocationDeletePermission.name,
];

/** Permissions on an entity that its owners and the admins hold. */
export const ownerOrAdminPermissions = [
  catalogEntityDeletePermission.name,
  catalogEntityRefreshPermission.name,
  // Confirming that an entity's metadata is still right, asking to exempt it from a rule.
  metadataQualityEntityConfirmPermission.name,
  metadataQualityExemptionRequestPermission.name,
  // Merging or rejecting a change request of the entity's catalog-info.yaml.
  catalogFixesDecidePermission.name,
];

/** Template entities (and template parameters and steps) with `tag` are for the users and groups in `allow`. */
export interface RestrictedTemplateTag {
  tag: string;
  allow: string[];
}

const normalize = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Signed-in users may read and act, except:
 * - admin-only actions (re-evaluations, deciding on quality exemptions, managing quality initiatives,
 *   accepting a handover for a team one is not in, deleting catalog locations) need the user, or a group the
 *   user belongs to, in the admins list;
 * - deleting (unregistering), refreshing, confirming the metadata of, requesting a quality
 *   exemption for and merging or rejecting a change request of an entity is for its owners and the
 *   admins;
 * - templates with a restricted tag, and template parameters and steps with such a
 *   `backstage:permissions` tag, are visible only to the tag's allowed users and groups and the admins.
 *
 * Service-to-service calls never reach a policy.
 */
export class LighthousePermissionPolicy implements PermissionPolicy {
  private readonly admins: Set<string>;
  /** Restricted tag to the refs allowed to see it. */
  private readonly restricted: Map<string, Set<string>>;
  private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>;

  constructor(options: {
    admins: string[];
    restrictedTemplates?: RestrictedTemplateTag[];
    userInfo: Pick<UserInfoService, 'getUserInfo'>;
  }) {
    this.admins = new Set(options.admins.map(normalize));
    this.restricted = new Map();
    for (const { tag, allow } of options.restrictedTemplates ?? []) {
      const refs = this.restricted.get(tag) ?? new Set<string>();
      allow.forEach(ref => refs.add(normalize(ref)));
      this.restricted.set(tag, refs);
    }
    this.userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const needsUser =
      adminOnlyPermissions.includes(permission.name) ||
      ownerOrAdminPermissions.includes(permission.name) ||
      (this.restricted.size > 0 && this.isTemplateRead(request));
    if (!needsUser) {
      return { result: AuthorizeResult.ALLOW };
    }

    const refs = user ? await this.ownershipRefs(user) : [];
    if (refs.some(ref => this.admins.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (adminOnlyPermissions.includes(permission.name)) {
      return { result: AuthorizeResult.DENY };
    }

    if (isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
      if (ownerOrAdminPermissions.includes(permission.name)) {
        if (refs.length === 0) return { result: AuthorizeResult.DENY };
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({ claims: refs }),
        );
      }
      const hidden = this.hiddenTags(refs);
      if (hidden.length === 0) return { result: AuthorizeResult.ALLOW };
      const [first, ...rest] = hidden.map(tag =>
        catalogConditions.hasMetadata({ key: 'tags', value: tag }),
      );
      return createCatalogConditionalDecision(permission, {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Template'] }),
            { anyOf: [first, ...rest] },
          ],
        },
      });
    }

    if (isResourcePermission(permission, RESOURCE_TYPE_SCAFFOLDER_TEMPLATE)) {
      const hidden = this.hiddenTags(refs);
      if (hidden.length === 0) return { result: AuthorizeResult.ALLOW };
      const [first, ...rest] = hidden.map(tag =>
        scaffolderTemplateConditions.hasTag({ tag }),
      );
      return createScaffolderTemplateConditionalDecision(permission, {
        not: { anyOf: [first, ...rest] },
      });
    }

    return { result: AuthorizeResult.DENY };
  }

  private isTemplateRead({ permission }: PolicyQuery): boolean {
    return (
      isPermission(permission, catalogEntityReadPermission) ||
      isPermission(permission, templateParameterReadPermission) ||
      isPermission(permission, templateStepReadPermission)
    );
  }

  /** The user and the groups the user belongs to, lower case. */
  private async ownershipRefs(user: PolicyQueryUser): Promise<string[]> {
    const info = await this.userInfo.getUserInfo(user.credentials);
    return [
      ...new Set(
        [info.userEntityRef, ...info.ownershipEntityRefs].map(normalize),
      ),
    ];
  }

  /** The restricted tags none of `refs` may see. */
  private hiddenTags(refs: string[]): string[] {
    return [...this.restricted]
      .filter(([, allowed]) => !refs.some(ref => allowed.has(ref)))
      .map(([tag]) => tag);
  }
}
