import { createPermission } from '@backstage/plugin-permission-common';

/** Allows reading findings and summaries and checking entities before registration (`POST /check`). */
export const ownerValidationReadPermission = createPermission({
  name: 'owner-validation.read',
  attributes: { action: 'read' },
});

/** Allows running the ownership check on demand (`POST /evaluate`). */
export const ownerValidationEvaluatePermission = createPermission({
  name: 'owner-validation.evaluate',
  attributes: { action: 'update' },
});

/** Every permission of the owner-validation plugin. */
export const ownerValidationPermissions = [
  ownerValidationReadPermission,
  ownerValidationEvaluatePermission,
];
