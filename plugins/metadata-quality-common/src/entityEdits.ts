import { Entity } from '@backstage/catalog-model';
import { isDeepStrictEqual } from './deepEqual';
import { readPath } from './entityPath';

/** Sets the field at a path (dotted, with brackets for keys with dots, as rules write paths). */
export interface SetFieldEdit {
  type: 'set';
  path: string;
  value: unknown;
}

/** Adds items to the list at a path, creating the list; items already in it are left alone. */
export interface AddToListEdit {
  type: 'add';
  path: string;
  values: unknown[];
}

/** Sets one annotation in `metadata.annotations`. */
export interface SetAnnotationEdit {
  type: 'annotation';
  annotation: string;
  value: string;
}

/** One change of an entity's own document in its catalog-info.yaml. */
export type EntityEdit = SetFieldEdit | AddToListEdit | SetAnnotationEdit;

/** The path an edit writes, as rules write paths (`metadata.annotations['a/b']`). */
export function editPath(edit: EntityEdit): string {
  return edit.type === 'annotation'
    ? `metadata.annotations['${edit.annotation}']`
    : edit.path;
}

/** The value at the edit's path once the edit is applied to `entity`. */
export function editedValue(entity: Entity, edit: EntityEdit): unknown {
  if (edit.type !== 'add') return edit.value;
  const current = readPath(entity, edit.path);
  const list = Array.isArray(current) ? current : [];
  return [
    ...list,
    ...edit.values.filter(v => !list.some(item => isDeepStrictEqual(item, v))),
  ];
}
