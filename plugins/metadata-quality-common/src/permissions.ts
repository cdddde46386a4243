import { createPermission } from '@backstage/plugin-permission-common';

/** Allows reading scores, rules, summaries and history (every `GET` route). */
export const metadataQualityReadPermission = createPermission({
  name: 'metadata-quality.read',
  attributes: { action: 'read' },
});

/** Allows triggering a re-evaluation of every entity (`POST /evaluate`). */
export const metadataQualityEvaluatePermission = createPermission({
  name: 'metadata-quality.evaluate',
  attributes: { action: 'update' },
});

/**
 * Allows confirming that an entity's metadata is still right (`POST .../confirm`). A catalog-entity
 * permission: the policy grants it to the entity's owners, the permission framework applies the
 * condition to the entity named in the request.
 */
export const metadataQualityEntityConfirmPermission = createPermission({
  name: 'metadata-quality.entity.confirm',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Allows asking to exempt an entity from a rule. A catalog-entity permission the policy grants the
 * entity's owners, like confirming.
 */
export const metadataQualityExemptionRequestPermission = createPermission({
  name: 'metadata-quality.exemption.request',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Allows approving or denying exemption requests (the admins). */
export const metadataQualityExemptionDecidePermission = createPermission({
  name: 'metadata-quality.exemption.decide',
  attributes: { action: 'update' },
});

/** Allows creating, changing and deleting initiatives (the admins); reading them needs the read permission. */
export const metadataQualityInitiativeManagePermission = createPermission({
  name: 'metadata-quality.initiative.manage',
  attributes: { action: 'update' },
});

/** Every permission of the plugin. */
export const metadataQualityPermissions = [
  metadataQualityReadPermission,
  metadataQualityEvaluatePermission,
  metadataQualityEntityConfirmPermission,
  metadataQualityExemptionRequestPermission,
  metadataQualityExemptionDecidePermission,
  metadataQualityInitiativeManagePermission,
];
