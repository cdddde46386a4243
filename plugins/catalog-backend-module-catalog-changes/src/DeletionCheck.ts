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
 * differ lists both to queue the deleted refs (and any ref the processor missed).
 */
export class DeletionCheck {
  private listedAt = 0;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      changes: CatalogChangesService;
      logger: LoggerService;
      /**
       * Least time between two listings (default 1 minute): an entity the processor saw but the
       * catalog refused to store keeps the counts apart until it is processed again.
       */
      minListIntervalMs?: number;
    },
  ) {}

  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }

  /** Returns how many deleted and unseen refs it queued. */
  async run(): Promise<{ deleted: number; unseen: number }> {
    const { catalog, changes, logger } = this.options;
    const [{ totalItems }, seen] = await Promise.all([
      catalog.queryEntities(
        { limit: 1, fields: ['kind'] },
        await this.credentials(),
      ),
      changes.countSeen(),
    ]);
    if (totalItems === seen) return { deleted: 0, unseen: 0 };
    if (
      Date.now() - this.listedAt <
      (this.options.minListIntervalMs ?? 60_000)
    ) {
      return { deleted: 0, unseen: 0 };
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
    const deleted = known.filter(ref => !inCatalog.has(ref));
    const unseen = [...inCatalog].filter(ref => !knownSet.has(ref));
    await changes.enqueue([
      ...deleted.map(entityRef => ({ entityRef, reason: 'deleted' })),
      ...unseen.map(entityRef => ({ entityRef, reason: 'changed' })),
    ]);
    await changes.forget(deleted);
    await changes.recordSeen(unseen);
    if (deleted.length || unseen.length) {
      logger.info(
        `Catalog changes: queued ${deleted.length} deleted and ${unseen.length} unseen entities`,
      );
    }
    return { deleted: deleted.length, unseen: unseen.length };
  }
}
