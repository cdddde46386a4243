import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** One entity the catalog could not process (`GET /api/catalog/processing-problems`). */
export interface ProcessingProblem {
  entityRef: string;
  location?: string;
  originLocation?: string;
  errors: Array<{ name: string; message: string }>;
  /** True when the catalog still serves the last good version of the entity. */
  ingested: boolean;
}

/** Reads the catalog's processing problems. */
export interface CatalogProblemsApi {
  listProblems(): Promise<{ items: ProcessingProblem[]; totalItems: number }>;
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

  async listProblems() {
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
