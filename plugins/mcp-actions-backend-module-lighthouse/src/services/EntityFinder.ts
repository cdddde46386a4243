import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** An entity found for what the caller typed, and the runners-up when the name was fuzzy. */
export interface FoundEntity {
  entity: Entity;
  otherMatches: string[];
}

const words = (text: string) =>
  text
    .toLocaleLowerCase('en-US')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

// Kinds people usually mean when they ask who owns "the payments service".
const KIND_PREFERENCE: Record<string, number> = {
  component: 3,
  api: 2,
  resource: 2,
  system: 1,
};

/** How well an entity's name and title match the words asked for; 0 when most words are missing. */
export function matchScore(entity: Entity, query: string): number {
  const asked = words(query);
  const name = entity.metadata.name.toLocaleLowerCase('en-US');
  const title = (entity.metadata.title ?? '').toLocaleLowerCase('en-US');
  const haystack = `${name} ${title}`;
  const matched = asked.filter(w => haystack.includes(w)).length;
  if (asked.length === 0 || matched * 2 < asked.length) return 0;
  const joined = asked.join('');
  const exact =
    name.replace(/[^a-z0-9]/g, '') === joined ||
    title.replace(/[^a-z0-9]/g, '') === joined;
  return (
    matched * 10 +
    (exact ? 100 : 0) +
    (KIND_PREFERENCE[entity.kind.toLocaleLowerCase('en-US')] ?? 0)
  );
}

/**
 * Finds an entity by ref (`component:default/foo`, `default/foo` or `foo`, Component by default) or
 * by the words of its name or title ("payments service"), reading the catalog as the caller: what
 * the caller may not read is never found.
 */
export class EntityFinder {
  constructor(
    private readonly catalog: Pick<
      CatalogService,
      'getEntityByRef' | 'queryEntities'
    >,
  ) {}

  async find(
    query: string,
    credentials: BackstageCredentials,
  ): Promise<FoundEntity> {
    const text = query.trim();
    const looksLikeRef = /^[\w.-]+(:[\w.-]+)?(\/[\w.-]+)?$/.test(text);
    if (looksLikeRef) {
      const ref = parseEntityRef(text, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
      const entity = await this.catalog.getEntityByRef(ref, { credentials });
      if (entity) return { entity, otherMatches: [] };
      if (text.includes(':') || text.includes('/')) {
        throw new NotFoundError(`No entity '${stringifyEntityRef(ref)}'`);
      }
    }
    const asked = words(text);
    if (asked.length === 0) {
      throw new InputError(`No name or title to look for in '${text}'`);
    }
    // Candidates for the longest words, so one misspelt word ("optimiser") still finds the rest.
    const terms = [...new Set(asked)]
      .sort((a, b) => b.length - a.length)
      .slice(0, 3);
    const pages = await Promise.all(
      terms.map(term =>
        this.catalog.queryEntities(
          {
            fullTextFilter: {
              term,
              fields: ['metadata.name', 'metadata.title'],
            },
            limit: 100,
          },
          { credentials },
        ),
      ),
    );
    const candidates = new Map<string, Entity>();
    for (const entity of pages.flatMap(page => page.items)) {
      candidates.set(stringifyEntityRef(entity), entity);
    }
    const ranked = [...candidates.values()]
      .map(entity => ({ entity, score: matchScore(entity, text) }))
      .filter(r => r.score > 0)
      .sort((a, b) => b.score - a.score);
    if (ranked.length === 0) {
      throw new NotFoundError(`No entity matches '${text}'`);
    }
    return {
      entity: ranked[0].entity,
      otherMatches: ranked.slice(1, 5).map(r => stringifyEntityRef(r.entity)),
    };
  }
}
