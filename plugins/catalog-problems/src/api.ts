import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CatalogProblemsClient } from '@internal/plugin-catalog-problems-common';

/** The client of the catalog's processing-problems routes, generated from their OpenAPI document. */
export const catalogProblemsApiRef = createApiRef<CatalogProblemsClient>().with(
  {
    id: 'plugin.catalog-problems.api',
    pluginId: 'catalog-problems',
  },
);
