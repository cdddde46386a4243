import type { Entity } from '@backstage/catalog-model';

/** A parsed owner reference, lower case. */
export interface ParsedOwnerRef {
  kind: string;
  namespace: string;
  name: string;
  ref: string;
}

// kind:namespace/name with kind and namespace optional; no whitespace, ':' or '/' inside a part.
// Letters outside ASCII are allowed here: such an owner is then reported as not found, not as malformed.
const REF_PATTERN =
  /^(?:([^:/\s\p{C}]+):)?(?:([^:/\s\p{C}]+)\/)?([^:/\s\p{C}]+)$/u;

// Anything but printable ASCII (refs are printable) takes the locale-aware path.
const NOT_PLAIN_ASCII = /[^ -~]/;

/**
 * Text of a ref in the one form refs are stored and compared in: lower case, as the catalog compares
 * them (`toLocaleLowerCase('en-US')`). Plain `toLowerCase` gives the same for ASCII, which nearly
 * every ref is, at a fraction of the cost: checks and evaluations lower every ref they read.
 */
export function normalizeRef(ref: string): string {
  return NOT_PLAIN_ASCII.test(ref)
    ? ref.toLocaleLowerCase('en-US')
    : ref.toLowerCase();
}

/**
 * Parses an owner reference the way the catalog does (default kind Group, default namespace
 * the entity's), returning undefined when it is malformed.
 */
export function parseOwnerRef(
  owner: string,
  defaultNamespace = 'default',
): ParsedOwnerRef | undefined {
  const match = REF_PATTERN.exec(owner);
  if (!match) {
    return undefined;
  }
  const kind = normalizeRef(match[1] ?? 'group');
  const namespace = normalizeRef(match[2] ?? defaultNamespace);
  const name = normalizeRef(match[3]);
  return { kind, namespace, name, ref: `${kind}:${namespace}/${name}` };
}

/** The lower-case reference `kind:namespace/name`: the one form refs are stored and compared in. */
export function normalizedRef(parts: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return normalizeRef(`${parts.kind}:${parts.namespace}/${parts.name}`);
}

/** The lower-case reference of an entity, or undefined when the entity lacks kind or name. */
export function entityRefOf(entity: Entity): string | undefined {
  const kind = entity?.kind;
  const name = entity?.metadata?.name;
  if (typeof kind !== 'string' || typeof name !== 'string' || !kind || !name) {
    return undefined;
  }
  const namespace =
    typeof entity.metadata.namespace === 'string' && entity.metadata.namespace
      ? entity.metadata.namespace
      : 'default';
  return normalizedRef({ kind, namespace, name });
}

/** Lower-case refs from a string or list of strings, with the catalog's defaults. */
export function refsFrom(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string[] {
  let list: unknown[] = [];
  if (Array.isArray(value)) list = value;
  else if (value !== undefined) list = [value];
  const refs: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const match = REF_PATTERN.exec(item);
    if (!match) continue;
    refs.push(
      normalizedRef({
        kind: match[1] ?? defaultKind,
        namespace: match[2] ?? defaultNamespace,
        name: match[3],
      }),
    );
  }
  return refs;
}

/** Lower-case target refs of an entity's relations of one type. */
export function relationTargets(entity: Entity, type: string): string[] {
  const relations = Array.isArray(entity.relations) ? entity.relations : [];
  return relations
    .filter(r => r && r.type === type && typeof r.targetRef === 'string')
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
}
