import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { filterChunks } from '@internal/backend-catalog-changes';
import {
  EntityFacts,
  normalizeRef,
  ownerRefOf,
  refOf,
  subcomponentOfRef,
  systemRefOf,
} from '@internal/plugin-metadata-quality-common';

const NEIGHBOUR_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.system',
  'relations',
];

/** The systems each owner owns: owner ref to system refs, normalised. */
export type SystemsByOwner = Map<string, string[]>;

/**
 * What a full evaluation reads once and every page uses: each owner's systems, and every API by its
 * normalised ref (with the neighbour fields). Asking the catalog per page for the APIs a page's
 * services might provide cost two lookups per service; APIs are read once instead.
 */
export interface SharedFacts {
  systems: SystemsByOwner;
  apis: Map<string, Entity>;
}

function targets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => normalizeRef(r.targetRef));
}

/**
 * Reads, for a page of entities, the neighbours checks and advice need: the system of a
 * subcomponent's parent, the systems of its APIs, the systems its owner owns, and APIs named after a
 * service. A few batched catalog reads per page, only for entities that lack a system or an API.
 */
export class EntityFactsLoader {
  constructor(
    private readonly options: { catalog: CatalogService; auth: AuthService },
  ) {}

  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }

  private async byRefs(refs: Set<string>): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    if (refs.size === 0) return found;
    const list = [...refs];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: list, fields: NEIGHBOUR_FIELDS },
      await this.credentials(),
    );
    items.forEach((item, i) => {
      if (item) found.set(list[i], item);
    });
    return found;
  }

  /**
   * Systems per owner ref: of every owner, read once for a full evaluation (systems are few, and one
   * read serves every page), or of the owners given, for a batch of changes.
   */
  async systemsOwnedBy(owners?: Set<string>): Promise<SystemsByOwner> {
    const byOwner: SystemsByOwner = new Map();
    // Many owners take several requests (the filter travels in the query string).
    const filters = owners
      ? filterChunks('relations.ownedBy', [...owners]).map(chunk => ({
          kind: 'system',
          'relations.ownedBy': chunk,
        }))
      : [{ kind: 'system' }];
    const credentials = await this.credentials();
    for (const filter of filters) {
      for await (const page of this.options.catalog.streamEntities(
        { filter, fields: NEIGHBOUR_FIELDS },
        credentials,
      )) {
        for (const system of page) {
          for (const owner of targets(system, 'ownedBy')) {
            byOwner.set(owner, [...(byOwner.get(owner) ?? []), refOf(system)]);
          }
        }
      }
    }
    return byOwner;
  }

  /** Every API, by normalised ref, with the fields the facts read. */
  private async allApis(): Promise<Map<string, Entity>> {
    const apis = new Map<string, Entity>();
    for await (const page of this.options.catalog.streamEntities(
      { filter: { kind: 'api' }, fields: NEIGHBOUR_FIELDS },
      await this.credentials(),
    )) {
      page.forEach(api => apis.set(refOf(api), api));
    }
    return apis;
  }

  /** Every owner's systems and every API, for a full evaluation (see {@link SharedFacts}). */
  async readShared(): Promise<SharedFacts> {
    const [systems, apis] = await Promise.all([
      this.systemsOwnedBy(),
      this.allApis(),
    ]);
    return { systems, apis };
  }

  /**
   * The neighbours named by `refs`: APIs from `shared` when given (an API it lacks does not exist),
   * the rest from the catalog.
   */
  private async neighbours(
    refs: Set<string>,
    shared?: SharedFacts,
  ): Promise<Map<string, Entity>> {
    if (!shared) return this.byRefs(refs);
    const found = new Map<string, Entity>();
    const other = new Set<string>();
    for (const ref of refs) {
      if (!ref.startsWith('api:')) other.add(ref);
      else if (shared.apis.has(ref)) found.set(ref, shared.apis.get(ref)!);
    }
    for (const [ref, entity] of await this.byRefs(other))
      found.set(ref, entity);
    return found;
  }

  /**
   * The facts of a page of entities. `shared`, when given, is what a full evaluation read once
   * (every owner's systems and every API); otherwise the page's owners' systems and its
   * neighbours are read.
   */
  async load(
    entities: Entity[],
    shared?: SharedFacts,
  ): Promise<Map<string, EntityFacts>> {
    const withoutSystem = entities.filter(
      e =>
        ['component', 'api', 'resource'].includes(
          e.kind.toLocaleLowerCase('en-US'),
        ) && !systemRefOf(e),
    );
    const services = entities.filter(
      e =>
        e.kind.toLocaleLowerCase('en-US') === 'component' &&
        e.spec?.type === 'service' &&
        targets(e, 'providesApi').length === 0,
    );
    const neighbourRefs = new Set<string>();
    for (const entity of withoutSystem) {
      const parent = subcomponentOfRef(entity);
      if (parent) neighbourRefs.add(parent);
      targets(entity, 'providesApi').forEach(r => neighbourRefs.add(r));
      targets(entity, 'consumesApi').forEach(r => neighbourRefs.add(r));
    }
    const namedApis = (entity: Entity) => {
      const namespace = entity.metadata.namespace ?? 'default';
      const { name } = entity.metadata;
      return [
        refOf({ kind: 'api', namespace, name: `${name}-api` }),
        refOf({ kind: 'api', namespace, name }),
      ];
    };
    services.forEach(s => namedApis(s).forEach(r => neighbourRefs.add(r)));
    const owners = new Set(
      withoutSystem.map(e => ownerRefOf(e)).filter((r): r is string => !!r),
    );
    const [neighbours, ownedSystems] = await Promise.all([
      this.neighbours(neighbourRefs, shared),
      shared?.systems ?? this.systemsOwnedBy(owners),
    ]);
    const systemOf = (ref: string) => {
      const neighbour = neighbours.get(ref);
      return neighbour ? systemRefOf(neighbour) : undefined;
    };

    const facts = new Map<string, EntityFacts>();
    for (const entity of withoutSystem) {
      const parent = subcomponentOfRef(entity);
      const parentSystemRef = parent ? systemOf(parent) : undefined;
      const apiWithSystem = [
        ...targets(entity, 'providesApi'),
        ...targets(entity, 'consumesApi'),
      ].find(ref => systemOf(ref));
      const owner = ownerRefOf(entity);
      const ownerSystems = owner ? ownedSystems.get(owner) ?? [] : [];
      let suggestion: Pick<
        EntityFacts,
        'suggestedSystemRef' | 'suggestedSystemReason'
      > = {};
      if (parentSystemRef) {
        suggestion = {
          suggestedSystemRef: parentSystemRef,
          suggestedSystemReason: `the system of ${parent}, which it is part of`,
        };
      } else if (apiWithSystem) {
        suggestion = {
          suggestedSystemRef: systemOf(apiWithSystem),
          suggestedSystemReason: `the system of its API ${
            parseEntityRef(apiWithSystem).name
          }`,
        };
      } else if (ownerSystems.length === 1) {
        suggestion = {
          suggestedSystemRef: ownerSystems[0],
          suggestedSystemReason: `the only system its owner ${owner} owns`,
        };
      }
      facts.set(refOf(entity), {
        ...(parentSystemRef ? { parentSystemRef } : {}),
        ...suggestion,
      });
    }
    for (const service of services) {
      const apis = namedApis(service).filter(ref => {
        const api = neighbours.get(ref);
        return api && targets(api, 'apiProvidedBy').length === 0;
      });
      if (apis.length > 0) {
        const ref = refOf(service);
        facts.set(ref, { ...facts.get(ref), suggestedApiRefs: apis });
      }
    }
    return facts;
  }
}
