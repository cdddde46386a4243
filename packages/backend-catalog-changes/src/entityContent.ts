import { createHash } from 'node:crypto';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

// Set by the catalog when it stores an entity, or derived from other entities: not the entity's content.
const UNOWNED_METADATA = new Set(['uid', 'etag', 'generation']);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(key => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * A hash of what an entity says about itself: everything but the catalog's bookkeeping (uid, etag,
 * generation) and what the catalog derives from other entities (relations, status). The same for
 * the processed entity and the one the catalog serves after stitching it.
 */
export function entityContentHash(entity: Entity): string {
  const metadata = Object.fromEntries(
    Object.entries(entity.metadata ?? {}).filter(
      ([key]) => !UNOWNED_METADATA.has(key),
    ),
  );
  const {
    relations: _relations,
    status: _status,
    ...content
  } = entity as Entity & { status?: unknown };
  return createHash('sha256')
    .update(JSON.stringify(stable({ ...content, metadata })))
    .digest('hex')
    .slice(0, 32);
}

/** The lower-case ref of an entity. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

// Spec fields naming other entities, with the kind a short reference means.
const REF_FIELDS: Record<string, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  subcomponentOf: 'component',
  providesApis: 'api',
  consumesApis: 'api',
  dependsOn: 'component',
  dependencyOf: 'component',
  parent: 'group',
  children: 'group',
  members: 'user',
  memberOf: 'group',
};

/**
 * The lower-case refs of the entities an entity names in its spec (owner, system, APIs, parent
 * group, members...): their relations change with it, so they are queued with it. Unreadable refs
 * are skipped.
 */
export function relatedRefsOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata?.namespace ?? 'default';
  const refs = new Set<string>();
  for (const [field, defaultKind] of Object.entries(REF_FIELDS)) {
    const value = spec[field];
    for (const ref of Array.isArray(value) ? value : [value]) {
      if (typeof ref !== 'string' || !ref) continue;
      try {
        refs.add(
          stringifyEntityRef(
            parseEntityRef(ref, { defaultKind, defaultNamespace: namespace }),
          ).toLocaleLowerCase('en-US'),
        );
      } catch {
        // Not a reference: the catalog reports it.
      }
    }
  }
  refs.delete(entityRefOf(entity));
  return [...refs].sort();
}
