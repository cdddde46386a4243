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

// The documents of the advice read most (the worst entities, a team's next actions) are asked for
// again and again: each is written once and kept, the least recently read dropped first.
const WRITTEN_KEPT = 5000;
const written = new Map<string, string>();

/** A document (JSON text) as a fenced YAML block. */
function fencedYaml(json: string): string {
  let block = written.get(json);
  if (block !== undefined) {
    written.delete(json);
  } else {
    block = `\`\`\`yaml\n${stringify(JSON.parse(json), {
      lineWidth: 0,
    }).trimEnd()}\n\`\`\``;
    if (written.size >= WRITTEN_KEPT) {
      written.delete(written.keys().next().value!);
    }
  }
  written.set(json, block);
  return block;
}

/** Advice as Markdown: each document written as a fenced YAML block. */
export function writeAdvice(advice: AdvicePart[]): string {
  return advice
    .map(part => (typeof part === 'string' ? part : fencedYaml(part.yamlOf)))
    .join('');
}
