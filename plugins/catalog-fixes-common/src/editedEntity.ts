import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  EntityEdit,
  editPath,
  editedValue,
  parsePath,
} from '@internal/plugin-metadata-quality-common';

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : undefined;

/** Whether a parsed document is the entity: kind, namespace (default `default`) and name, ignoring case. */
export function sameEntity(
  document: {
    kind?: unknown;
    metadata?: { name?: unknown; namespace?: unknown };
  },
  target: CompoundEntityRef,
): boolean {
  return (
    lower(document.kind) === lower(target.kind) &&
    lower(document.metadata?.name) === lower(target.name) &&
    (lower(document.metadata?.namespace) ?? 'default') ===
      (lower(target.namespace) ?? 'default')
  );
}

/** The document's value once the edits are applied: what the edited file must parse to. */
export function expectedAfter(document: unknown, edits: EntityEdit[]): unknown {
  const result = structuredClone(document) as Record<string, unknown>;
  for (const edit of edits) {
    const value = editedValue(result as unknown as Entity, edit);
    const parts = parsePath(editPath(edit));
    let target = result;
    for (const part of parts.slice(0, -1)) {
      if (typeof target[part] !== 'object' || target[part] === null) {
        target[part] = {};
      }
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return result;
}
