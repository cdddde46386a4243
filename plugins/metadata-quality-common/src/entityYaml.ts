import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { EntityEdit, editPath, editedValue } from './entityEdits';
import { parsePath } from './entityPath';

/** The entity's document with only its identity and the fields the edits leave, as YAML. */
export function documentWith(entity: Entity, edits: EntityEdit[]): string {
  const document: Record<string, unknown> = {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      name: entity.metadata.name,
      ...(entity.metadata.namespace && entity.metadata.namespace !== 'default'
        ? { namespace: entity.metadata.namespace }
        : {}),
    },
  };
  for (const edit of edits) {
    const value = editedValue(entity, edit);
    let target = document;
    const parts = parsePath(editPath(edit));
    parts.slice(0, -1).forEach(part => {
      if (typeof target[part] !== 'object' || target[part] === null) {
        target[part] = {};
      }
      target = target[part] as Record<string, unknown>;
    });
    target[parts[parts.length - 1]] = value;
  }
  return `\`\`\`yaml\n${stringify(document, {
    lineWidth: 0,
  }).trimEnd()}\n\`\`\``;
}

/** The YAML introduced as what to write in the entity's own catalog-info.yaml. */
export function inFile(entity: Entity, yaml: string): string {
  return `In the catalog-info.yaml that defines ${entity.kind} \`${entity.metadata.name}\`:\n\n${yaml}`;
}
