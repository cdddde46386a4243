import {
  catalogFixesDecidePermission,
  catalogFixesHandoverAcceptAnyPermission,
  catalogFixesHandoverAcceptPermission,
} from '@internal/plugin-catalog-fixes-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  taskCreatePermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  metadataQualityEntityConfirmPermission,
  metadataQualityEvaluatePermission,
  metadataQualityExemptionDecidePermission,
  metadataQualityExemptionRequestPermission,
  metadataQualityInitiativeManagePermission,
  metadataQualityReadPermission,
} from '@internal/plugin-metadata-quality-common';
import {
  ownerValidationEvaluatePermission,
  ownerValidationReadPermission,
} from '@internal/plugin-owner-validation-common';
import { LighthousePermissionPolicy } from './LighthousePermissionPolicy';

const memberships: Record<string, string[]> = {
  'user:default/alice': ['group:default/platform'],
  'user:default/bob': ['group:default/payments'],
  'user:default/carol': ['group:default/sre'],
  'user:default/root': [],
};

const userInfo = {
  async getUserInfo(credentials: any) {
    const userEntityRef = credentials.principal.userEntityRef as string;
    return {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...(memberships[userEntityRef] ?? []),
      ],
    };
  },
};

const policy = new LighthousePermissionPolicy({
  admins: ['group:default/platform', 'User:default/root'],
  restrictedTemplates: [
    { tag: 'platform-only', allow: ['group:default/sre'] },
    { tag: 'payments-only', allow: ['Group:default/payments'] },
  ],
  userInfo,
});

function as(userEntityRef: string) {
  const credentials = mockCredentials.user(userEntityRef);
  return { credentials, info: { userEntityRef, ownershipEntityRefs: [] } };
}

const decide = (permission: Permission, user?: string) =>
  policy.handle({ permission }, user ? as(user) : undefined);

/** The result alone of the policy's decision. */
const resultOf = async (permission: Permission, user?: string) =>
  (await decide(permission, user)).result;

const isEntityAllowed = createConditionAuthorizer(
  Object.values(permissionRules),
);

function template(name: string, tags: string[]): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, tags },
    spec: {},
  };
}

function component(name: string, owner: string, tags: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, tags },
    spec: { owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

/** Which of `entities` the decision lets through. */
function allowedNames(decision: PolicyDecision, entities: Entity[]) {
  return entities
    .filter(entity => isEntityAllowed(decision, entity))
    .map(entity => entity.metadata.name);
}

/** The permissions the policy gives to the admins alone. */
const ADMIN_ONLY = [
  metadataQualityEvaluatePermission,
  metadataQualityExemptionDecidePermission,
  metadataQualityInitiativeManagePermission,
  ownerValidationEvaluatePermission,
  catalogFixesHandoverAcceptAnyPermission,
  catalogLocationDeletePermission,
];

/** The permissions on an entity the policy gives to its owners and the admins. */
const OWNER_OR_ADMIN = [
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  metadataQualityEntityConfirmPermission,
  metadataQualityExemptionRequestPermission,
  catalogFixesDecidePermission,
];

describe('LighthousePermissionPolicy', () => {
  describe('admin-only permissions', () => {
    it.each(ADMIN_ONLY)(
      'allows $name to a member of an admin group',
      async permission => {
        expect(await resultOf(permission, 'user:default/alice')).toBe(
          AuthorizeResult.ALLOW,
        );
      },
    );

    it('allows an admin named directly, whatever the case of the ref', async () => {
      const decision = await decide(
        metadataQualityEvaluatePermission,
        'user:default/root',
      );
      expect(decision.result).toBe(AuthorizeResult.ALLOW);
    });

    it.each(ADMIN_ONLY)('denies $name to everyone else', async permission => {
      expect(await resultOf(permission, 'user:default/bob')).toBe(
        AuthorizeResult.DENY,
      );
    });

    it("allows accepting a handover for one's own team to everyone signed in", async () => {
      expect(
        await resultOf(
          catalogFixesHandoverAcceptPermission,
          'user:default/bob',
        ),
      ).toBe(AuthorizeResult.ALLOW);
    });

    it('denies an admin-only permission without a user', async () => {
      expect(await resultOf(ownerValidationEvaluatePermission)).toBe(
        AuthorizeResult.DENY,
      );
    });
  });

  describe('unregistering, refreshing, confirming, exempting entities and deciding on their change requests', () => {
    it.each(OWNER_OR_ADMIN)(
      'allows $name on every entity to an admin',
      async permission => {
        expect(await resultOf(permission, 'user:default/alice')).toBe(
          AuthorizeResult.ALLOW,
        );
      },
    );

    it.each(OWNER_OR_ADMIN)(
      'allows $name to the owners of an entity only',
      async permission => {
        const decision = await decide(permission, 'user:default/bob');
        expect(decision).toEqual({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: ['user:default/bob', 'group:default/payments'],
            },
          },
        });
        expect(
          allowedNames(decision, [
            component('team-service', 'group:default/payments'),
            component('own-tool', 'user:default/bob'),
            component('other-service', 'group:default/web'),
          ]),
        ).toEqual(['team-service', 'own-tool']);
      },
    );

    it.each(OWNER_OR_ADMIN)('denies $name without a user', async permission => {
      expect(await resultOf(permission)).toBe(AuthorizeResult.DENY);
    });
  });

  describe('restricted templates', () => {
    const entities = [
      template('platform-template', ['golden-path', 'platform-only']),
      template('payments-template', ['payments-only']),
      template('open-template', ['golden-path']),
      // The restriction is about templates: other kinds with the tag stay visible.
      component('tagged-service', 'group:default/web', ['platform-only']),
    ];

    it('hides templates with a tag the user is not allowed', async () => {
      const decision = await decide(
        catalogEntityReadPermission,
        'user:default/bob',
      );
      expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
      expect((decision as ConditionalPolicyDecision).pluginId).toBe('catalog');
      expect(allowedNames(decision, entities)).toEqual([
        'payments-template',
        'open-template',
        'tagged-service',
      ]);
    });

    it.each([
      ['from a user in no allow list', 'user:default/nobody-special'],
      ['without a user', undefined],
    ])('hides every restricted template %s', async (_case, user) => {
      const decision = await decide(catalogEntityReadPermission, user);
      expect(allowedNames(decision, entities)).toEqual([
        'open-template',
        'tagged-service',
      ]);
    });

    it('hides only the other tags from a member of an allowed group', async () => {
      const decision = await decide(
        catalogEntityReadPermission,
        'user:default/carol',
      );
      expect(allowedNames(decision, entities)).toEqual([
        'platform-template',
        'open-template',
        'tagged-service',
      ]);
    });

    it('shows every template to an admin', async () => {
      expect(
        await resultOf(catalogEntityReadPermission, 'user:default/alice'),
      ).toBe(AuthorizeResult.ALLOW);
    });

    it('allows reading everything when no template is restricted', async () => {
      const open = new LighthousePermissionPolicy({ admins: [], userInfo });
      const decision = await open.handle(
        { permission: catalogEntityReadPermission },
        as('user:default/bob'),
      );
      expect(decision.result).toBe(AuthorizeResult.ALLOW);
    });

    it('merges the allow lists of entries with the same tag', async () => {
      const twice = new LighthousePermissionPolicy({
        admins: [],
        restrictedTemplates: [
          { tag: 'platform-only', allow: ['group:default/sre'] },
          { tag: 'platform-only', allow: ['user:default/bob'] },
        ],
        userInfo,
      });
      const decision = await twice.handle(
        { permission: catalogEntityReadPermission },
        as('user:default/bob'),
      );
      expect(decision.result).toBe(AuthorizeResult.ALLOW);
    });

    it.each([templateParameterReadPermission, templateStepReadPermission])(
      'hides $name of parameters and steps tagged for others',
      async permission => {
        const decision = await decide(permission, 'user:default/bob');
        expect(decision).toEqual({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'scaffolder',
          resourceType: 'scaffolder-template',
          conditions: {
            not: {
              anyOf: [
                {
                  rule: 'HAS_TAG',
                  resourceType: 'scaffolder-template',
                  params: { tag: 'platform-only' },
                },
              ],
            },
          },
        });
      },
    );

    it.each([templateParameterReadPermission, templateStepReadPermission])(
      'allows $name to an admin',
      async permission => {
        expect(await resultOf(permission, 'user:default/root')).toBe(
          AuthorizeResult.ALLOW,
        );
      },
    );
  });

  it.each([
    metadataQualityReadPermission,
    ownerValidationReadPermission,
    catalogEntityCreatePermission,
    catalogLocationCreatePermission,
    taskCreatePermission,
  ])('allows $name to any signed-in user', async permission => {
    expect(await resultOf(permission, 'user:default/bob')).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
