import type { Entity } from '@backstage/catalog-model';
import { entityRefOf } from '@internal/plugin-owner-validation-common';

// However unchanged the version says the org is, read it again after this long: a copy read while
// the catalog did not serve a change yet is replaced within it.
const MAX_AGE_MS = 60_000;

/**
 * The users and groups the re-check of catalog changes asks about, kept between batches: read from
 * the catalog again only when their version changed (a user or group was created, changed or
 * deleted: the change queue's `kindsVersion`) or after a minute. A batch's own users and groups,
 * read fresh with it, replace their kept copies. Without `version` it reads the org every time.
 */
export class OrgSnapshot {
  private kept?: {
    version: string;
    readAt: number;
    byRef: Map<string, Entity>;
  };

  constructor(
    private readonly options: {
      read: () => Promise<Entity[]>;
      version?: () => Promise<string>;
      now?: () => number;
    },
  ) {}

  /**
   * The org, with `fresh` (entities of the batch, read now) in place of their kept copies and the
   * `changed` users and groups that are not in `fresh` left out (deleted).
   */
  async current(
    fresh: ReadonlyMap<string, Entity>,
    changed: readonly string[],
  ): Promise<Entity[]> {
    const now = this.options.now?.() ?? Date.now();
    const version = await this.options.version?.();
    if (
      version === undefined ||
      !this.kept ||
      this.kept.version !== version ||
      now - this.kept.readAt > MAX_AGE_MS
    ) {
      const byRef = new Map<string, Entity>();
      for (const entity of await this.options.read()) {
        const ref = entityRefOf(entity);
        if (ref) byRef.set(ref, entity);
      }
      this.kept = { version: version ?? '', readAt: now, byRef };
    }
    const { byRef } = this.kept;
    for (const ref of changed) {
      const entity = fresh.get(ref);
      if (entity) byRef.set(ref, entity);
      else byRef.delete(ref);
    }
    return [...byRef.values()];
  }

  /** Reads the org at the next call (a change of it the catalog does not serve yet). */
  forget(): void {
    this.kept = undefined;
  }
}
