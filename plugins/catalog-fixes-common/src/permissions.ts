import { createPermission } from '@backstage/plugin-permission-common';

/** Allows reading change requests (every `GET` route). */
export const catalogFixesReadPermission = createPermission({
  name: 'catalog-fixes.read',
  attributes: { action: 'read' },
});

/** Allows proposing a fix: previewing its diff and opening a change request (signed-in users). */
export const catalogFixesProposePermission = createPermission({
  name: 'catalog-fixes.propose',
  attributes: { action: 'create' },
});

/**
 * Allows merging or rejecting a change request of an entity. A catalog-entity permission the
 * policy grants the entity's owners (and the admins), resolved against each entity it changes.
 */
export const catalogFixesDecidePermission = createPermission({
  name: 'catalog-fixes.change-request.decide',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Allows accepting a handover of a departed person's (or an emptied group's) entities for a team
 * the user belongs to: the suggested team, or one they pick. Signed-in users.
 */
export const catalogFixesHandoverAcceptPermission = createPermission({
  name: 'catalog-fixes.handover.accept',
  attributes: { action: 'update' },
});

/** Allows accepting a handover for any team, member or not: the admins. */
export const catalogFixesHandoverAcceptAnyPermission = createPermission({
  name: 'catalog-fixes.handover.accept-any',
  attributes: { action: 'update' },
});

/** Every permission of the plugin. */
export const catalogFixesPermissions = [
  catalogFixesReadPermission,
  catalogFixesProposePermission,
  catalogFixesDecidePermission,
  catalogFixesHandoverAcceptPermission,
  catalogFixesHandoverAcceptAnyPermission,
];
