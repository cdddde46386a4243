import { ResponseError } from '@backstage/errors';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  EntityScore,
  GroupSummary,
  HistoryPoint,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';

/** Totals over every scored entity. */
export interface QualitySummary {
  entityCount: number;
  averageScore: number | null;
  levels: Record<string, number>;
  buckets: number[];
  failingRules: Record<string, number>;
}

/** Filters of the entity list. */
export interface EntityListFilter {
  kind?: string;
  owner?: string;
  level?: string;
  failingRule?: string;
  orderBy?: 'score' | 'name' | 'evaluatedAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** The metadata quality backend. */
export interface MetadataQualityApi {
  getRules(): Promise<{ rules: QualityRule[]; levels: QualityLevel[] }>;
  /** The score of an entity, or undefined when it has none yet. */
  getEntityScore(entityRef: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<EntityScore | undefined>;
  listEntities(
    filter: EntityListFilter,
  ): Promise<{ items: EntityScore[]; totalItems: number }>;
  getSummary(): Promise<QualitySummary>;
  getGroups(): Promise<GroupSummary[]>;
  getGroupHistory(groupRef: string, days?: number): Promise<HistoryPoint[]>;
  getEntityHistory(
    entityRef: { kind: string; namespace: string; name: string },
    days?: number,
  ): Promise<HistoryPoint[]>;
  /** Re-evaluates every entity now (needs the metadata-quality.evaluate permission). */
  evaluate(): Promise<{
    evaluated: number;
    removed: number;
    durationMs: number;
  }>;
}

/** Reference to the metadata quality API. */
export const metadataQualityApiRef = createApiRef<MetadataQualityApi>().with({
  id: 'metadata-quality',
  pluginId: 'metadata-quality',
});

/** Talks to the backend through fetchApi (which adds the user's token). */
export class MetadataQualityClient implements MetadataQualityApi {
  private rules?: Promise<{ rules: QualityRule[]; levels: QualityLevel[] }>;

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async get<T>(path: string): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('metadata-quality');
    const response = await this.options.fetchApi.fetch(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  getRules() {
    this.rules ??= this.get<{ rules: QualityRule[]; levels: QualityLevel[] }>(
      '/rules',
    ).catch(e => {
      this.rules = undefined;
      throw e;
    });
    return this.rules;
  }

  async getEntityScore(ref: { kind: string; namespace: string; name: string }) {
    try {
      return await this.get<EntityScore>(
        `/entities/${[ref.kind, ref.namespace, ref.name]
          .map(encodeURIComponent)
          .join('/')}`,
      );
    } catch (e) {
      if (e instanceof ResponseError && e.response.status === 404) {
        return undefined;
      }
      throw e;
    }
  }

  listEntities(filter: EntityListFilter) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    return this.get<{ items: EntityScore[]; totalItems: number }>(
      `/entities?${params}`,
    );
  }

  async evaluate() {
    const base = await this.options.discoveryApi.getBaseUrl('metadata-quality');
    const response = await this.options.fetchApi.fetch(`${base}/evaluate`, {
      method: 'POST',
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return await response.json();
  }

  getSummary() {
    return this.get<QualitySummary>('/summary');
  }

  async getGroups() {
    return (await this.get<{ items: GroupSummary[] }>('/groups')).items;
  }

  async getEntityHistory(
    ref: { kind: string; namespace: string; name: string },
    days = 90,
  ) {
    try {
      return (
        await this.get<{ items: HistoryPoint[] }>(
          `/history/entities/${[ref.kind, ref.namespace, ref.name]
            .map(encodeURIComponent)
            .join('/')}?days=${days}`,
        )
      ).items;
    } catch (e) {
      if (e instanceof ResponseError && e.response.status === 404) return [];
      throw e;
    }
  }

  async getGroupHistory(groupRef: string, days = 90) {
    const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(groupRef) ?? [];
    return (
      await this.get<{ items: HistoryPoint[] }>(
        `/history/groups/${encodeURIComponent(namespace)}/${encodeURIComponent(
          name,
        )}?days=${days}`,
      )
    ).items;
  }
}
