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

/** Every permission of the plugin. */
export const metadataQualityPermissions = [
  metadataQualityReadPermission,
  metadataQualityEvaluatePermission,
  metadataQualityEntityConfirmPermission,
];
