import { Entity } from '@backstage/catalog-model';
import { ClaimedChange } from './CatalogChanges';
import { entityContentHash } from './entityContent';

/**
 * How long a consumer waits for the catalog to serve what the processor hashed (default). The
 * catalog stitches an entity after processing it, and under load (a bulk import, two replicas on
 * two cores) it served changed entities 40 to 50 s after reading their file; a change handled
 * before then is handled with the old content. Two minutes (the claim lease) covers that lag twice
 * over; a change whose hash the catalog still does not serve then is handled with what it serves
 * (a 10-minute wait once held two moved users' changes past a 4-minute test in CI, cause unknown).
 * Retries back off (see `CatalogChangeConsumer`), so the wait costs a claim every 30 s at most.
 */
export const DEFAULT_SETTLE_MS = 120_000;

/**
 * The changes whose entity the catalog does not serve as processed yet (the processor queues
 * before the catalog stores and stitches): absent, or with other content. They are retried until
 * `settleMs` after they were queued, then handled with what the catalog serves.
 */
export function staleChanges(
  changes: ClaimedChange[],
  entityOf: (entityRef: string) => Entity | undefined,
  options: { now?: Date; settleMs?: number } = {},
): ClaimedChange[] {
  const now = (options.now ?? new Date()).getTime();
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  return changes.filter(change => {
    if (!change.contentHash) return false;
    if (now - change.enqueuedAt.getTime() > settleMs) return false;
    const entity = entityOf(change.entityRef);
    return !entity || entityContentHash(entity) !== change.contentHash;
  });
}
