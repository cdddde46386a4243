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
    /** The list last handed out, while nothing changed since: the owner check keeps its graph. */
    list?: Entity[];
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
   * `changed` users and groups that are not in `fresh` left out (deleted). The same list as the
   * last call when nothing changed, so what was built from it (the org graph) can be kept; a new
   * one otherwise. Callers must not change it.
   */
  async current(
    fresh: ReadonlyMap<string, Entity>,
    changed: readonly string[],
  ): Promise<readonly Entity[]> {
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
    const kept = this.kept;
    for (const ref of changed) {
      const entity = fresh.get(ref);
      if (entity) kept.byRef.set(ref, entity);
      else kept.byRef.delete(ref);
      kept.list = undefined;
    }
    kept.list ??= [...kept.byRef.values()];
    return kept.list;
  }

  /** Reads the org at the next call (a change of it the catalog does not serve yet). */
  forget(): void {
    this.kept = undefined;
  }
}
