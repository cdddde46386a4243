import { ResponseError } from '@backstage/errors';
import type { ProcessingProblem, ProcessingProblemsResponse } from './types';

/** The largest page `GET /processing-problems` serves. */
export const MAX_PAGE_SIZE = 1000;

/** Reads the catalog's processing problems and unregisters broken registrations. */
export interface CatalogProblemsApi {
  /** One page of problems, sorted by file. */
  listProblems(request?: {
    limit?: number;
    offset?: number;
  }): Promise<ProcessingProblemsResponse>;
  /** Every problem, page by page. */
  listAllProblems(): Promise<ProcessingProblem[]>;
  /** Unregisters the registered location with this catalog id (`originLocationId`). */
  unregisterLocation(id: string): Promise<void>;
}

/**
 * {@link CatalogProblemsApi} over HTTP, served by the catalog input-guard module: for the app
 * (with its fetch and discovery APIs) and for other backends (with a fetch that adds a token).
 */
export class CatalogProblemsClient implements CatalogProblemsApi {
  constructor(
    private readonly options: {
      discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
      fetchApi: { fetch: typeof fetch };
    },
  ) {}

  async listProblems(
    request: { limit?: number; offset?: number } = {},
  ): Promise<ProcessingProblemsResponse> {
    const params = new URLSearchParams({
      limit: String(request.limit ?? MAX_PAGE_SIZE),
      offset: String(request.offset ?? 0),
    });
    const response = await this.call(`/processing-problems?${params}`);
    return response.json();
  }

  async listAllProblems(): Promise<ProcessingProblem[]> {
    const all: ProcessingProblem[] = [];
    for (;;) {
      const page = await this.listProblems({ offset: all.length });
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.totalItems) {
        return all;
      }
    }
  }

  async unregisterLocation(id: string): Promise<void> {
    await this.call(
      `/processing-problems/locations/${encodeURIComponent(id)}`,
      { method: 'DELETE' },
    );
  }

  private async call(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl('catalog');
    const response = await this.options.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
