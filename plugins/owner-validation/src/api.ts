import { createApiRef } from '@backstage/frontend-plugin-api';
import type { OwnerValidationClient } from '@internal/plugin-owner-validation-common';

/** The owner-validation backend's client, generated from its OpenAPI document. */
export const ownerValidationApiRef = createApiRef<OwnerValidationClient>().with(
  {
    id: 'plugin.owner-validation.api',
    pluginId: 'owner-validation',
  },
);
