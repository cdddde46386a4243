import type { Entity, EntityMeta } from '@backstage/catalog-model';

/** Metadata of a built entity besides its name; `namespace` defaults to `default`. */
export type EntityMetadata = Partial<EntityMeta>;

/**
 * An entity of `kind` named `name`, as the catalog serves it (`namespace` filled in): the one
 * builder behind the kind-specific ones and the generator.
 */
export function catalogEntity(
  kind: string,
  name: string,
  spec: Record<string, unknown> = {},
  metadata: EntityMetadata = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  } as Entity;
}

/** A Group; `spec.type` defaults to `team`, `spec.children` to none. */
export function groupEntity(
  name: string,
  spec: { type?: string; parent?: string; children?: string[] } & Record<
    string,
    unknown
  > = {},
  metadata: EntityMetadata = {},
): Entity {
  return catalogEntity(
    'Group',
    name,
    { type: 'team', children: [], ...spec },
    metadata,
  );
}

/** A User member of `spec.memberOf` (default none). */
export function userEntity(
  name: string,
  spec: { memberOf?: string[] } & Record<string, unknown> = {},
  metadata: EntityMetadata = {},
): Entity {
  return catalogEntity('User', name, { memberOf: [], ...spec }, metadata);
}

/** A User marked as departed, with the default marker (`lighthouse.acme/departed: 'true'`). */
export function departedUserEntity(
  name: string,
  spec: { memberOf?: string[] } & Record<string, unknown> = {},
): Entity {
  return userEntity(name, spec, {
    annotations: { 'lighthouse.acme/departed': 'true' },
  });
}

/**
 * A Component; `spec.type` defaults to `service` and `spec.lifecycle` to `production`. The owner
 * is whatever is given, malformed or missing included.
 */
export function componentEntity(
  name: string,
  spec: {
    owner?: unknown;
    type?: string;
    lifecycle?: string;
    system?: string;
  } & Record<string, unknown> = {},
  metadata: EntityMetadata = {},
): Entity {
  return catalogEntity(
    'Component',
    name,
    { type: 'service', lifecycle: 'production', ...spec },
    metadata,
  );
}
