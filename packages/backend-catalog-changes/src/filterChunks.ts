// The catalog's list routes take their filter in the query string, and Node refuses a request
// whose request line and headers pass 16 KiB (431 Request Header Fields Too Large): 500 user refs
// in one `relations.ownedBy` filter already do. Half of that is left for the token and the
// other parameters.
const DEFAULT_MAX_CHARS = 8000;

/**
 * Splits the values of one catalog filter field (e.g. the owners of a batch of changes in
 * `relations.ownedBy`) into lists whose filter, URL-encoded as the catalog client sends it
 * (`field=value,field=value...`), stays under `maxChars`, so each list can be asked for in one
 * request. A single value over the limit gets a list of its own.
 */
export function filterChunks(
  field: string,
  values: readonly string[],
  maxChars: number = DEFAULT_MAX_CHARS,
): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const value of values) {
    const size = encodeURIComponent(`${field}=${value},`).length;
    if (current.length > 0 && length + size > maxChars) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(value);
    length += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
