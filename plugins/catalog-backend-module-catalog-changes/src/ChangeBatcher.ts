import {
  CatalogChange,
  CatalogChangesService,
} from '@internal/backend-catalog-changes';

type Waiting = {
  changes: CatalogChange[];
  seen: string[];
  resolve: () => void;
  reject: (error: unknown) => void;
};

/**
 * Stores the changes of entities the catalog processes at the same time in one write (a group
 * commit): the first change is written at once, and the changes that arrive while a write is in
 * flight are written together when it ends. So a lone change waits for nothing, and ingesting a
 * large file costs one transaction per group of entities instead of several per entity. Each caller's
 * promise settles with the write that carried its changes: the processor remembers an entity's
 * hash only once its change is stored.
 */
export class ChangeBatcher {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly changes: Pick<CatalogChangesService, 'enqueue'>,
  ) {}

  /** Queues `changes` and remembers `seen` as seen; resolves once both are stored. */
  add(changes: CatalogChange[], seen: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ changes, seen, resolve, reject });
      if (!this.writing) {
        void this.writeAll();
      }
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      try {
        await this.changes.enqueue(
          group.flatMap(w => w.changes),
          { seen: group.flatMap(w => w.seen) },
        );
        group.forEach(w => w.resolve());
      } catch (error) {
        group.forEach(w => w.reject(error));
      }
    }
    this.writing = false;
  }
}
