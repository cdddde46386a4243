import { CatalogClient } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import {
  MetadataQualityClient,
  parseLevels,
  parseRules,
} from '@internal/plugin-metadata-quality-common';
import type {
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';
import { entityRefOf } from '@internal/plugin-catalog-input-guard-common';

/** What the checker resolves references and owners against. */
export interface CatalogSource {
  /** Which of these lower-case refs the catalog has. */
  existing(refs: string[]): Promise<Set<string>>;
  /** The catalog's users and groups. */
  org(): Promise<Entity[]>;
}

/** A catalog of the entities of the `--org` files. */
export function fileCatalog(entities: Entity[]): CatalogSource {
  const refs = new Set(entities.map(entityRefOf));
  return {
    async existing(wanted) {
      return new Set(wanted.filter(ref => refs.has(ref)));
    },
    async org() {
      return entities.filter(e => /^(user|group)$/i.test(e.kind));
    },
  };
}

/** A running portal (`--portal URL`), read with the user's or a service's token. */
export class PortalCatalog implements CatalogSource {
  private readonly catalog: CatalogClient;
  private readonly quality: MetadataQualityClient;

  constructor(private readonly options: { baseUrl: string; token?: string }) {
    const base = options.baseUrl.replace(/\/+$/, '');
    const discoveryApi = {
      getBaseUrl: async (pluginId: string) => `${base}/api/${pluginId}`,
    };
    const fetchApi = {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        if (options.token) {
          headers.set('Authorization', `Bearer ${options.token}`);
        }
        return fetch(input, { ...init, headers });
      },
    };
    this.catalog = new CatalogClient({ discoveryApi, fetchApi });
    this.quality = new MetadataQualityClient({ discoveryApi, fetchApi });
  }

  async existing(refs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: chunk,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { token: this.options.token },
      );
      items.forEach((item, index) => {
        if (item) found.add(chunk[index]);
      });
    }
    return found;
  }

  async org(): Promise<Entity[]> {
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: 500 }
          : { filter: { kind: ['User', 'Group'] }, limit: 500 },
        { token: this.options.token },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }

  /** The rules and levels the portal scores with (`GET /api/metadata-quality/rules`). */
  async qualitySettings(): Promise<{
    rules: QualityRule[];
    levels: QualityLevel[];
  }> {
    const served = await this.quality.getRules();
    return {
      rules: parseRules(served.rules, 'rules'),
      levels: parseLevels(served.levels, 'levels'),
    };
  }
}
