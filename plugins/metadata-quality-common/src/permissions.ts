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

/** Every permission of the plugin. */
export const metadataQualityPermissions = [
  metadataQualityReadPermission,
  metadataQualityEvaluatePermission,
];
