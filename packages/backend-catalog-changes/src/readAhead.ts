/**
 * Hands out the items of `source` while already asking for the next one: reading page n + 1 of
 * the catalog overlaps with the caller's work on page n (scoring it, writing the scores). At most
 * one item is read ahead. A failed read is thrown where that item would have been handed out;
 * a caller that stops early closes the source.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
