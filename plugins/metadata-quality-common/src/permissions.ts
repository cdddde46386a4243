import { createPermission } from '@backstage/plugin-permission-common';

/** Allows triggering a re-evaluation of every entity (`POST /evaluate`). */
export const metadataQualityEvaluatePermission = createPermission({
  name: 'metadata-quality.evaluate',
  attributes: { action: 'update' },
});

/** Every permission of the plugin. */
export const metadataQualityPermissions = [metadataQualityEvaluatePermission];
