import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { normalizeRef } from '@internal/plugin-owner-validation-common';
import type { CheckContext } from './types';

/**
 * A full ref (`kind:namespace/name`) in the form the plugin stores and compares: lower case, as the
 * catalog compares refs (owner validation's rule, one for both plugins). Refs are normalised once,
 * where they enter (the catalog, a request, another plugin's response).
 */
export { normalizeRef };

/** The normalised ref of an entity, or of a kind, namespace and name. */
export function refOf(entity: Entity | CompoundEntityRef): string {
  return normalizeRef(stringifyEntityRef(entity));
}

/** The ref of the entity a check context was made for: the context's own, or computed. */
export function entityRefIn(
  entity: Entity,
  context: Pick<CheckContext, 'entityRef'>,
): string {
  return context.entityRef ?? refOf(entity);
}

/**
 * A ref as written in one of an entity's fields (`web`, `group:web`), completed with `defaultKind`
 * and the entity's namespace and normalised; undefined when absent or malformed.
 */
export function resolveRefIn(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return refOf(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The owner of an entity as a full reference (`group:default/web`), or undefined. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner === 'string' && owner.trim()) {
    return resolveRefIn(entity, owner, 'group');
  }
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  return relation && normalizeRef(relation.targetRef);
}

/** The system an entity names itself (`spec.system`, or a `partOf` relation to a System), lower case. */
export function systemRefOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(
    r => r.type === 'partOf' && r.targetRef.startsWith('system:'),
  );
  return (
    resolveRefIn(entity, entity.spec?.system, 'system') ??
    (relation && normalizeRef(relation.targetRef))
  );
}

/** The component a component is a subcomponent of, lower case. */
export function subcomponentOfRef(entity: Entity): string | undefined {
  return resolveRefIn(entity, entity.spec?.subcomponentOf, 'component');
}

/** A ref as it is written in the entity's own file: `payments` for `system:default/payments`. */
export function shortRef(
  ref: string,
  entity: Entity,
  defaultKind: string,
): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const sameNamespace =
    namespace ===
    (entity.metadata.namespace ?? 'default').toLocaleLowerCase('en-US');
  if (kind === defaultKind.toLocaleLowerCase('en-US') && sameNamespace) {
    return name;
  }
  return sameNamespace ? `${kind}:${name}` : ref;
}
