// Rules and edits name a few paths, read for every entity: each is parsed once.
const PARSED_KEPT = 1000;
const parsed = new Map<string, readonly string[]>();

/** Splits `metadata.annotations['a.b/c'].x` into `['metadata', 'annotations', 'a.b/c', 'x']`. */
export function parsePath(path: string): readonly string[] {
  let parts = parsed.get(path);
  if (!parts) {
    const found: string[] = [];
    const re = /\[\s*(?:'([^']*)'|"([^"]*)")\s*\]|([^.[\]]+)/g;
    for (const match of path.matchAll(re)) {
      found.push(match[1] ?? match[2] ?? match[3]);
    }
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parts = Object.freeze(found);
    parsed.set(path, parts);
  }
  return parts;
}

/** Reads a value at a path, or undefined. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Not undefined, null, blank, or an empty list or object. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
