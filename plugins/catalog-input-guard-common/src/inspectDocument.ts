/** Keys that could reach an object's prototype when a document is merged or copied. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function pathOf(parts: Array<string | number>): string {
  return parts
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}

/** One problem of a document: the path of the field it is about (`[]` for the document itself) and what to do. */
export interface DocumentProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * Finds what makes one parsed YAML document unfit to be an entity, before the catalog sees it:
 * a document that is not a mapping, a missing apiVersion, kind or metadata.name, keys that could
 * pollute prototypes, and nesting deeper than `maxDepth`. Each problem names the field and the fix.
 * Kind-specific rules (owner, lifecycle, references) stay with the catalog's own validators.
 */
export function inspectDocument(
  doc: unknown,
  maxDepth: number,
): DocumentProblem[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [
      {
        path: [],
        message: `the document is ${describe(
          doc,
        )}, not an entity: write a mapping with apiVersion, kind, metadata and spec`,
      },
    ];
  }
  const problems: DocumentProblem[] = [];
  const add = (path: Array<string | number>, message: string) =>
    problems.push({ path, message });
  const entity = doc as Record<string, unknown>;

  // Walk without recursion, so hostile nesting cannot exhaust the stack.
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [
    { value: doc, path: [] },
  ];
  let tooDeep: Array<string | number> | undefined;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) {
      tooDeep ??= path;
      continue;
    }
    const keys = Array.isArray(value)
      ? value.map((_, i) => i)
      : Object.getOwnPropertyNames(value);
    for (const key of keys) {
      if (typeof key === 'string' && forbiddenKeys.has(key)) {
        add(
          [...path, key],
          `${pathOf([
            ...path,
            key,
          ])}: keys named __proto__, constructor or prototype are not allowed; rename the key`,
        );
        continue;
      }
      stack.push({
        value: (value as Record<string | number, unknown>)[key],
        path: [...path, key],
      });
    }
  }
  if (tooDeep !== undefined) {
    add(
      tooDeep,
      `${pathOf(
        tooDeep,
      )}: nested deeper than ${maxDepth} levels (catalog.inputGuard.maxDepth); flatten the structure`,
    );
  }

  if (entity.apiVersion === undefined) {
    add([], 'apiVersion is missing: add "apiVersion: backstage.io/v1alpha1"');
  } else if (typeof entity.apiVersion !== 'string') {
    add(
      ['apiVersion'],
      `apiVersion is ${describe(
        entity.apiVersion,
      )}: write a string such as "backstage.io/v1alpha1"`,
    );
  }
  if (entity.kind === undefined) {
    add([], 'kind is missing: add the kind, e.g. "kind: Component"');
  } else if (typeof entity.kind !== 'string') {
    add(
      ['kind'],
      `kind is ${describe(
        entity.kind,
      )}: write one kind as a string, e.g. "kind: Component"`,
    );
  }
  const metadata = entity.metadata;
  if (metadata === undefined) {
    add(
      [],
      'metadata is missing: add "metadata:" with at least "name: <entity-name>"',
    );
  } else if (
    typeof metadata !== 'object' ||
    metadata === null ||
    Array.isArray(metadata)
  ) {
    add(
      ['metadata'],
      `metadata is ${describe(
        metadata,
      )}: write a mapping with at least "name: <entity-name>"`,
    );
  } else {
    const name = (metadata as Record<string, unknown>).name;
    if (name === undefined) {
      add(
        ['metadata'],
        'metadata.name is missing: add a name of lowercase letters, digits and dashes, e.g. "name: payments-service"',
      );
    } else if (typeof name !== 'string') {
      add(
        ['metadata', 'name'],
        `metadata.name is ${describe(
          name,
        )}: write the name as a string, e.g. "name: payments-service"`,
      );
    }
  }
  return problems;
}
