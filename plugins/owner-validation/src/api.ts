import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  CheckEntitiesResponse,
  EntityFindingsResponse,
  FindingsListResponse,
  FindingsSummary,
  OwnerFindingType,
} from '@internal/plugin-owner-validation-common';

/** Filters of {@link OwnerValidationApi.listFindings}. */
export interface ListFindingsRequest {
  types?: OwnerFindingType[];
  kinds?: string[];
  team?: string;
  limit?: number;
  offset?: number;
}

/** Reads ownership findings from the owner-validation backend. */
export interface OwnerValidationApi {
  getEntityFindings(entity: CompoundEntityRef): Promise<EntityFindingsResponse>;
  listFindings(request?: ListFindingsRequest): Promise<FindingsListResponse>;
  getSummary(): Promise<FindingsSummary>;
  /** Checks the owners of entities that are not registered yet; stores nothing. */
  checkEntities(entities: Entity[]): Promise<CheckEntitiesResponse>;
}

/** The {@link OwnerValidationApi}. */
export const ownerValidationApiRef = createApiRef<OwnerValidationApi>().with({
  id: 'plugin.owner-validation.api',
  pluginId: 'owner-validation',
});

/** {@link OwnerValidationApi} over HTTP. */
export class OwnerValidationClient implements OwnerValidationApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getEntityFindings(
    entity: CompoundEntityRef,
  ): Promise<EntityFindingsResponse> {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/entities/${path}/findings`);
  }

  async listFindings(
    request: ListFindingsRequest = {},
  ): Promise<FindingsListResponse> {
    const params = new URLSearchParams();
    request.types?.forEach(t => params.append('type', t));
    request.kinds?.forEach(k => params.append('kind', k));
    if (request.team) params.set('team', request.team);
    if (request.limit !== undefined) params.set('limit', String(request.limit));
    if (request.offset !== undefined)
      params.set('offset', String(request.offset));
    const query = params.toString();
    return this.get(`/findings${query ? `?${query}` : ''}`);
  }

  async getSummary(): Promise<FindingsSummary> {
    return this.get('/summary');
  }

  async checkEntities(entities: Entity[]): Promise<CheckEntitiesResponse> {
    return this.get('/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entities }),
    });
  }

  private async get<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'owner-validation',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
