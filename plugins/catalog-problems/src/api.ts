import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CatalogProblemsApi } from '@internal/plugin-catalog-problems-common';

export type { CatalogProblemsApi };

/** The {@link CatalogProblemsApi}, served by the catalog input-guard module. */
export const catalogProblemsApiRef = createApiRef<CatalogProblemsApi>().with({
  id: 'plugin.catalog-problems.api',
  pluginId: 'catalog-problems',
});
