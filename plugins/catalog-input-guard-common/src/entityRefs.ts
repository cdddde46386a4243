import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';

/** The lower-case ref of an entity that has passed the guard's checks. */
export function entityRefOf(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/** The ref a document would define, if it has a kind and a name, however broken the rest is. */
export function declaredRefOf(value: unknown): string | undefined {
  const doc = value as Partial<Entity> | null;
  if (
    typeof doc?.kind !== 'string' ||
    typeof doc.metadata?.name !== 'string' ||
    (doc.metadata.namespace !== undefined &&
      typeof doc.metadata.namespace !== 'string')
  ) {
    return undefined;
  }
  return entityRefOf(doc as Entity);
}
