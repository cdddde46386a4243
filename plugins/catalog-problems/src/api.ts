import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ProcessingProblemsResponse } from '@internal/plugin-catalog-problems-common';

/** Reads the catalog's processing problems. */
export interface CatalogProblemsApi {
  listProblems(): Promise<ProcessingProblemsResponse>;
}

/** The {@link CatalogProblemsApi}. */
export const catalogProblemsApiRef = createApiRef<CatalogProblemsApi>().with({
  id: 'plugin.catalog-problems.api',
  pluginId: 'catalog-problems',
});

/** {@link CatalogProblemsApi} over HTTP, served by the catalog input-guard module. */
export class CatalogProblemsClient implements CatalogProblemsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listProblems(): Promise<ProcessingProblemsResponse> {
    const base = await this.options.discoveryApi.getBaseUrl('catalog');
    const response = await this.options.fetchApi.fetch(
      `${base}/processing-problems?limit=1000`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
