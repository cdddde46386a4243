import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { EntityEdit, editPath, editedValue } from './entityEdits';
import { parsePath } from './entityPath';
import { AdvicePart } from './types';

/** The entity's document with only its identity and the fields the edits leave. */
export function documentWith(
  entity: Entity,
  edits: EntityEdit[],
): Record<string, unknown> {
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
  return document;
}

/** The sentence that introduces YAML to write in the entity's own catalog-info.yaml. */
export function inFile(entity: Entity): string {
  return `In the catalog-info.yaml that defines ${entity.kind} \`${entity.metadata.name}\`:\n\n`;
}

/** A document to show as YAML in advice. */
export function yamlOf(document: unknown): AdvicePart {
  return { yamlOf: JSON.stringify(document) };
}

/** Advice as Markdown: each document written as a fenced YAML block. */
export function writeAdvice(advice: AdvicePart[]): string {
  return advice
    .map(part =>
      typeof part === 'string'
        ? part
        : `\`\`\`yaml\n${stringify(JSON.parse(part.yamlOf), {
            lineWidth: 0,
          }).trimEnd()}\n\`\`\``,
    )
    .join('');
}
