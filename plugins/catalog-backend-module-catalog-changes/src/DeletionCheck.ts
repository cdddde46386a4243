import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogChangesService,
  entityRefOf,
} from '@internal/backend-catalog-changes';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Notices entities deleted from the catalog, which publishes no deletion event: compares the
 * catalog's entity count with the count of refs the processor has seen (which only grows between
 * checks, so a deletion keeps them apart even when an entity is added too), and only when they
 * differ lists both. A seen ref missing from the listing may only not be stored yet (the processor
 * sees an entity before the catalog stores it), so it is looked up again `settleMs` later and
 * queued as deleted only if still missing and no longer held by the catalog at all.
 *
 * Counting every entity the catalog serves grows with the catalog; with `membershipVersion` (the
 * catalog's own record of rows added and removed) the counts are compared only when it changed
 * since they last agreed, and at least every `maxUncomparedMs` whatever it says.
 */
export class DeletionCheck {
  private listedAt = 0;
  private suspects: string[] = [];
  /** The membership version read before the counts last agreed, and when. */
  private agreed?: { version: string; at: number };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      changes: CatalogChangesService;
      logger: LoggerService;
      /** Least time between two listings (default 1 minute). */
      minListIntervalMs?: number;
      /** How long after a listing its missing refs are looked up again (default 3 seconds). */
      settleMs?: number;
      /**
       * Which of the given refs the catalog still holds, served or not (its refresh state): a
       * missing ref it holds is not stored yet, not deleted. Without it, missing after `settleMs`
       * means deleted.
       */
      heldRefs?: (entityRefs: string[]) => Promise<Set<string>>;
      /**
       * A value that changes whenever the catalog may have added or removed an entity; undefined
       * when it cannot tell. Without it the counts are compared on every run.
       */
      membershipVersion?: () => Promise<string | undefined>;
      /** Longest time the counts go uncompared while the membership version holds (10 minutes). */
      maxUncomparedMs?: number;
    },
  ) {}

  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }

  /** Returns how many deleted and unseen refs it queued. */
  async run(): Promise<{ deleted: number; unseen: number }> {
    const unseen = await this.compareCounts();
    if (this.suspects.length) {
      await new Promise(r => setTimeout(r, this.options.settleMs ?? 3000));
    }
    const deleted = await this.confirmSuspects();
    if (deleted || unseen) {
      this.options.logger.info(
        `Catalog changes: queued ${deleted} deleted and ${unseen} unseen entities`,
      );
    }
    return { deleted, unseen };
  }

  /** Queues as deleted the suspects of the listing the catalog still does not have. */
  private async confirmSuspects(): Promise<number> {
    const { catalog, changes } = this.options;
    const suspects = this.suspects;
    this.suspects = [];
    if (suspects.length === 0) return 0;
    const missing: string[] = [];
    for (let i = 0; i < suspects.length; i += 500) {
      const chunk = suspects.slice(i, i + 500);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: chunk, fields: REF_FIELDS },
        await this.credentials(),
      );
      missing.push(...chunk.filter((_, j) => !items[j]));
    }
    // Processed but not stored yet (stitching lags processing on a large catalog): not deleted,
    // and still seen, so it is not queued again as unseen once the catalog serves it.
    const held =
      missing.length && this.options.heldRefs
        ? await this.options.heldRefs(missing)
        : new Set<string>();
    const deleted = missing.filter(ref => !held.has(ref));
    await changes.enqueue(
      deleted.map(entityRef => ({ entityRef, reason: 'deleted' })),
    );
    await changes.forget(deleted);
    return deleted.length;
  }

  /**
   * Whether the counts must be compared: always without a membership version, otherwise when it
   * changed since they last agreed or that was `maxUncomparedMs` ago. `version` is the one read.
   */
  private async mustCompare(): Promise<{ compare: boolean; version?: string }> {
    let version: string | undefined;
    try {
      version = await this.options.membershipVersion?.();
    } catch (error) {
      this.options.logger.warn(
        `Catalog changes: could not read the catalog's membership version, so the counts are compared: ${error}`,
      );
    }
    const { agreed } = this;
    const unchanged =
      version !== undefined &&
      agreed?.version === version &&
      Date.now() - agreed.at < (this.options.maxUncomparedMs ?? 600_000);
    return { compare: !unchanged, version };
  }

  private async compareCounts(): Promise<number> {
    const { catalog, changes } = this.options;
    // Read before the counts: a change after this read changes the next one.
    const { compare, version } = await this.mustCompare();
    if (!compare) return 0;
    const [{ totalItems }, seen] = await Promise.all([
      catalog.queryEntities(
        { limit: 1, fields: ['kind'] },
        await this.credentials(),
      ),
      changes.countSeen(),
    ]);
    if (totalItems === seen) {
      if (version !== undefined) this.agreed = { version, at: Date.now() };
      return 0;
    }
    if (
      Date.now() - this.listedAt <
      (this.options.minListIntervalMs ?? 60_000)
    ) {
      return 0;
    }
    this.listedAt = Date.now();
    const inCatalog = new Set<string>();
    for await (const page of catalog.streamEntities(
      { fields: REF_FIELDS, pageSize: 5000 },
      await this.credentials(),
    )) {
      page.forEach(entity => inCatalog.add(entityRefOf(entity)));
    }
    const known = await changes.listSeen();
    const knownSet = new Set(known);
    this.suspects = known.filter(ref => !inCatalog.has(ref));
    const unseen = [...inCatalog].filter(ref => !knownSet.has(ref));
    await changes.enqueue(
      unseen.map(entityRef => ({ entityRef, reason: 'changed' })),
    );
    await changes.recordSeen(unseen);
    return unseen.length;
  }
}
