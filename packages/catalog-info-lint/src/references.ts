import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** A reference field the catalog turns into a relation. */
export interface ReferenceField {
  path: ['spec', string];
  /** The kind a ref without one gets, as the catalog reads the field; none when it must be written. */
  defaultKind?: string;
  /** The kinds the field is read on. */
  kinds: string[];
}

// As the catalog's BuiltinKindsEntityProcessor reads them. spec.owner is owner validation's.
export const REFERENCE_FIELDS: ReferenceField[] = [
  {
    path: ['spec', 'system'],
    defaultKind: 'system',
    kinds: ['component', 'api', 'resource'],
  },
  { path: ['spec', 'domain'], defaultKind: 'domain', kinds: ['system'] },
  { path: ['spec', 'dependsOn'], kinds: ['component', 'resource'] },
  {
    path: ['spec', 'providesApis'],
    defaultKind: 'api',
    kinds: ['component'],
  },
  {
    path: ['spec', 'consumesApis'],
    defaultKind: 'api',
    kinds: ['component'],
  },
];

/** One ref an entity's file names, normalised (lower case), with the field and its raw text. */
export interface NamedRef {
  field: ReferenceField;
  /** Index in a list field. */
  index?: number;
  raw: unknown;
  /** The normalised ref, or the reason it cannot be read. */
  ref?: string;
  problem?: string;
}

/** The refs of the reference fields of one entity, normalised once here. */
export function namedRefs(entity: Entity): NamedRef[] {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const out: NamedRef[] = [];
  for (const field of REFERENCE_FIELDS) {
    if (!field.kinds.includes(kind)) continue;
    const value = spec[field.path[1]];
    if (value === undefined || value === null) continue;
    const name = field.path.join('.');
    const list = Array.isArray(value);
    for (const [index, raw] of (list ? value : [value]).entries()) {
      const at = { field, raw, ...(list ? { index } : {}) };
      if (typeof raw !== 'string' || !raw.trim()) {
        out.push({
          ...at,
          problem: `${name} must name an entity as a string such as "${
            field.defaultKind ?? 'component'
          }:my-name"`,
        });
        continue;
      }
      try {
        const parsed = parseEntityRef(raw, {
          defaultKind: field.defaultKind,
          defaultNamespace: namespace,
        });
        out.push({
          ...at,
          ref: stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
        });
      } catch {
        out.push({
          ...at,
          problem: field.defaultKind
            ? `${name} '${raw}' is not an entity reference: write [kind:][namespace/]name, e.g. "${field.defaultKind}:my-name"`
            : `${name} '${raw}' is not an entity reference: write kind:[namespace/]name, e.g. "component:${raw}" or "resource:${raw}"`,
        });
      }
    }
  }
  return out;
}
