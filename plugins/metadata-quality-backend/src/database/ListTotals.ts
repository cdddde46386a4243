/** At most this many filters are remembered; past it the oldest are dropped. */
const MAX_ENTRIES = 500;

/**
 * The totals of the worst-entities list, counted once per filter for a few seconds: PostgreSQL
 * counts 100,000 scores in 25 to 50 ms, and at 20 readers the list asked that count of every
 * request while the page of rows beside it took under 10 ms. The rows are always read live;
 * the total may be up to `ttlMs` behind a score another replica wrote (this replica's own
 * writes call `clear`).
 */
export class ListTotals {
  private readonly entries = new Map<
    string,
    { at: number; total: Promise<number> }
  >();

  constructor(
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  /** The total for `filter`, counted by `count` unless counted within the last `ttlMs`. */
  get(filter: string, count: () => Promise<number>): Promise<number> {
    const now = this.options.now?.() ?? Date.now();
    const kept = this.entries.get(filter);
    if (kept && now - kept.at < (this.options.ttlMs ?? 5000)) {
      return kept.total;
    }
    const entry = { at: now, total: count() };
    this.entries.delete(filter);
    this.entries.set(filter, entry);
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    // A failed count is not remembered.
    entry.total.catch(() => {
      if (this.entries.get(filter) === entry) this.entries.delete(filter);
    });
    return entry.total;
  }

  /** Forgets every total (the scores changed). */
  clear(): void {
    this.entries.clear();
  }
}
