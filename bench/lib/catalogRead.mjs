/**
 * The stock catalog serving every entity, whole, page by page with a cursor: what a full run's
 * `catalog.streamEntities` asks of it (`/entities/by-query`, pages of `pageSize`). The floor under
 * `full_quality_evaluation` and `full_owner_check`, printed beside them.
 */
export async function measureCatalogReadAll(backend, { pageSize = 1000 } = {}) {
  const started = Date.now();
  let entities = 0;
  let cursor;
  do {
    const query = new URLSearchParams(
      cursor
        ? { cursor, limit: String(pageSize) }
        : { limit: String(pageSize), totalItems: 'exclude' },
    );
    const page = await backend.json(`/api/catalog/entities/by-query?${query}`);
    entities += page.items.length;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  const seconds = (Date.now() - started) / 1000;
  console.log(`catalog_read_all: ${seconds.toFixed(1)} s`);
  console.log(`catalog_read_all_entities: ${entities} entities`);
  return seconds;
}
