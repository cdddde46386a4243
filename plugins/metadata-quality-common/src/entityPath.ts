/** Splits `metadata.annotations['a.b/c'].x` into `['metadata', 'annotations', 'a.b/c', 'x']`. */
export function parsePath(path: string): string[] {
  const parts: string[] = [];
  const re = /\[\s*(?:'([^']*)'|"([^"]*)")\s*\]|([^.[\]]+)/g;
  for (const match of path.matchAll(re)) {
    parts.push(match[1] ?? match[2] ?? match[3]);
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
