import { createPermission } from '@backstage/plugin-permission-common';

/** Allows running the ownership check on demand (`POST /evaluate`). */
export const ownerValidationEvaluatePermission = createPermission({
  name: 'owner-validation.evaluate',
  attributes: { action: 'update' },
});

/** Every permission of the owner-validation plugin. */
export const ownerValidationPermissions = [ownerValidationEvaluatePermission];
