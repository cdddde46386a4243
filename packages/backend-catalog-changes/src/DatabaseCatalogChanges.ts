import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  CatalogChange,
  CatalogChangesService,
  ClaimedChange,
  ClaimOptions,
} from './CatalogChanges';
import { QUEUED_CHANNEL, QueueNotifications } from './QueueNotifications';

const QUEUE = 'catalog_change_queue';
const CONSUMERS = 'catalog_change_consumers';
const SEEN = 'catalog_change_entities';
const KINDS = 'catalog_change_kinds';
// The reasons that change an entity itself; `related` names an entity another one refers to.
const OWN_CHANGES = new Set(['created', 'changed', 'deleted']);
const CHUNK = 1000;

/** Applies the queue's migrations (`direction: 'down'` rolls them all back, for tests). */
export async function migrateCatalogChanges(
  knex: Knex,
  direction: 'latest' | 'down' = 'latest',
): Promise<void> {
  const directory = resolvePackagePath(
    '@internal/backend-catalog-changes',
    'migrations',
  );
  // Its own migrations table: the queue may share a database with a plugin's migrations.
  const config = { directory, tableName: 'catalog_changes_knex_migrations' };
  if (direction === 'latest') {
    await knex.migrate.latest(config);
  } else {
    await knex.migrate.rollback(config, true);
  }
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * One change per ref, since one statement cannot update a row twice: the changes of a ref (an
 * entity changed and named by another one in the same batch) keep all their reasons, the content
 * hash of the one that has it and the earliest time to be claimed.
 */
function mergeByRef(changes: CatalogChange[]): Map<string, CatalogChange> {
  const merged = new Map<string, CatalogChange>();
  for (const change of changes) {
    const earlier = merged.get(change.entityRef);
    if (!earlier) {
      merged.set(change.entityRef, change);
      continue;
    }
    const reasons = new Set([
      ...earlier.reason.split(','),
      ...change.reason.split(','),
    ]);
    merged.set(change.entityRef, {
      entityRef: change.entityRef,
      reason: [...reasons].join(','),
      contentHash: change.contentHash ?? earlier.contentHash,
      delayMs: Math.min(earlier.delayMs ?? 0, change.delayMs ?? 0),
    });
  }
  return merged;
}

/** The change queue in PostgreSQL. */
export class DatabaseCatalogChanges implements CatalogChangesService {
  /** Migrates (unless `database.migrations.skip`) and returns the queue. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCatalogChanges> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateCatalogChanges(knex);
    }
    return new DatabaseCatalogChanges(knex);
  }

  private readonly notifications: QueueNotifications;

  constructor(private readonly db: Knex) {
    this.notifications = new QueueNotifications(db);
  }

  async registerConsumer(consumer: string): Promise<{ created: boolean }> {
    const inserted = await this.db(CONSUMERS)
      .insert({ consumer })
      .onConflict('consumer')
      .ignore()
      .returning('consumer');
    return { created: inserted.length > 0 };
  }

  async enqueue(
    changes: CatalogChange[],
    options: { consumers?: string[]; seen?: string[] } = {},
  ): Promise<void> {
    // One row per ref per statement: ON CONFLICT cannot update a row twice. A queued change gains
    // the reasons of the changes joining it (a consumer may act on one, e.g. read owner findings
    // again), keeps its content hash when a change without one (related, deleted) joins it, and the
    // earlier of the two times it may be claimed.
    const unique = mergeByRef(changes);
    const seen = options.seen ?? [];
    if (unique.size === 0 && seen.length === 0) return;
    // One transaction: the notification is delivered once every row is committed.
    await this.db.transaction(async tx => {
      await this.insertSeen(tx, seen);
      if (unique.size === 0) return;
      await this.write(tx, unique, options.consumers);
      await tx.raw(`SELECT pg_notify(?, '')`, [QUEUED_CHANNEL]);
    });
  }

  private async write(
    tx: Knex.Transaction,
    unique: Map<string, CatalogChange>,
    consumers: string[] | undefined,
  ): Promise<void> {
    // Rows are locked in one order (consumer, then ref) by every writer, so two transactions
    // queuing the same refs wait for each other instead of deadlocking.
    // Refs are unique here (merged above).
    const sorted = [...unique.values()].sort((a, b) =>
      a.entityRef < b.entityRef ? -1 : 1,
    );
    for (const chunk of chunks(sorted)) {
      await tx.raw(
        `INSERT INTO ${QUEUE} AS q (consumer, entity_ref, reason, content_hash, change_seq, available_at)
         SELECT c.consumer, u.entity_ref, u.reason, u.content_hash, nextval('catalog_change_seq'),
           now() + u.delay_ms * interval '1 millisecond'
         FROM ${CONSUMERS} c
         CROSS JOIN unnest(?::text[], ?::text[], ?::text[], ?::int[])
           AS u(entity_ref, reason, content_hash, delay_ms)
         WHERE ?::text[] IS NULL OR c.consumer = ANY(?::text[])
         ORDER BY c.consumer, u.entity_ref
         ON CONFLICT (consumer, entity_ref) DO UPDATE SET
           reason = (SELECT string_agg(DISTINCT r, ',')
             FROM unnest(string_to_array(q.reason, ',') || string_to_array(excluded.reason, ',')) r),
           content_hash = COALESCE(excluded.content_hash, q.content_hash),
           change_seq = excluded.change_seq,
           enqueued_at = now(),
           available_at = LEAST(q.available_at, excluded.available_at),
           attempts = 0
         -- A row waiting for its first claim that already says all this change says is left as
         -- it is: its consumer reads the entity when it claims it, after this change. While
         -- ingesting, every new component queued its owner team and system again (related), the
         -- same few rows rewritten thousands of times.
         WHERE q.claimed_by IS NOT NULL
            OR q.attempts > 0
            OR excluded.available_at < q.available_at
            OR (excluded.content_hash IS NOT NULL
                AND excluded.content_hash IS DISTINCT FROM q.content_hash)
            OR NOT (string_to_array(excluded.reason, ',') <@ string_to_array(q.reason, ','))`,
        [
          chunk.map(c => c.entityRef),
          chunk.map(c => c.reason),
          chunk.map(c => c.contentHash ?? null),
          chunk.map(c => Math.round(c.delayMs ?? 0)),
          consumers ?? null,
          consumers ?? null,
        ] as Knex.RawBinding[],
      );
    }
    const kinds = new Set(
      [...unique.values()]
        .filter(c => c.reason.split(',').some(r => OWN_CHANGES.has(r)))
        .map(c => c.entityRef.slice(0, c.entityRef.indexOf(':'))),
    );
    if (kinds.size > 0) {
      await tx.raw(
        `INSERT INTO ${KINDS} (kind, change_seq)
         SELECT kind, nextval('catalog_change_seq') FROM unnest(?::text[]) AS kind
         ON CONFLICT (kind) DO UPDATE SET change_seq = excluded.change_seq`,
        [[...kinds]],
      );
    }
  }

  /** {@inheritDoc CatalogChangesService.onQueued} */
  onQueued(listener: () => void): () => void {
    return this.notifications.subscribe(listener);
  }

  /** Stops listening for notifications (the service's shutdown). */
  async close(): Promise<void> {
    await this.notifications.close();
  }

  /** {@inheritDoc CatalogChangesService.nextAvailableInMs} */
  async nextAvailableInMs(consumer: string): Promise<number | undefined> {
    // When the earliest row may be claimed: once available and, if claimed, once its lease ends.
    const { rows } = await this.db.raw(
      `SELECT EXTRACT(EPOCH FROM min(GREATEST(available_at, COALESCE(claimed_until, available_at))) - now()) * 1000 AS ms
       FROM ${QUEUE} WHERE consumer = ?`,
      [consumer],
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined
      ? undefined
      : Math.max(0, Number(ms));
  }

  async kindsVersion(kinds: string[]): Promise<string> {
    const rows = await this.db(KINDS)
      .whereIn(
        'kind',
        kinds.map(k => k.toLocaleLowerCase('en-US')),
      )
      .orderBy('kind')
      .select('kind', 'change_seq');
    return rows.map(r => `${r.kind}:${r.change_seq}`).join(',');
  }

  async claim(
    consumer: string,
    options: ClaimOptions,
  ): Promise<ClaimedChange[]> {
    const { rows } = await this.db.raw(
      `UPDATE ${QUEUE} SET
         claimed_by = ?,
         claimed_until = now() + ? * interval '1 millisecond',
         attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM ${QUEUE}
         WHERE consumer = ? AND available_at <= now()
           AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY available_at, id
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
       RETURNING id, entity_ref, reason, content_hash, change_seq, enqueued_at, attempts`,
      [options.claimant, options.leaseMs, consumer, options.limit],
    );
    return (rows as any[]).map(row => ({
      id: String(row.id),
      entityRef: row.entity_ref,
      reason: row.reason,
      ...(row.content_hash ? { contentHash: row.content_hash } : {}),
      changeSeq: String(row.change_seq),
      enqueuedAt: new Date(row.enqueued_at),
      attempts: row.attempts,
    }));
  }

  async complete(claimant: string, changes: ClaimedChange[]): Promise<void> {
    for (const chunk of chunks(changes)) {
      await this.db.transaction(async tx => {
        await tx(QUEUE)
          .whereIn(
            ['id', 'change_seq'],
            chunk.map(c => [c.id, c.changeSeq]),
          )
          .delete();
        // Rows enqueued again meanwhile: claimable at once.
        await tx(QUEUE)
          .whereIn(
            'id',
            chunk.map(c => c.id),
          )
          .andWhere('claimed_by', claimant)
          .update({ claimed_by: null, claimed_until: null });
      });
    }
  }

  async retry(
    claimant: string,
    changes: ClaimedChange[],
    delayMs: number,
  ): Promise<void> {
    for (const chunk of chunks(changes)) {
      await this.db(QUEUE)
        .whereIn(
          'id',
          chunk.map(c => c.id),
        )
        .andWhere('claimed_by', claimant)
        .update({
          claimed_by: null,
          claimed_until: null,
          available_at: this.db.raw(`now() + ? * interval '1 millisecond'`, [
            delayMs,
          ]),
        });
    }
  }

  async recordSeen(entityRefs: string[]): Promise<void> {
    await this.insertSeen(this.db, entityRefs);
  }

  private async insertSeen(db: Knex, entityRefs: string[]): Promise<void> {
    for (const chunk of chunks([...new Set(entityRefs)])) {
      await db(SEEN)
        .insert(chunk.map(entity_ref => ({ entity_ref })))
        .onConflict('entity_ref')
        .ignore();
    }
  }

  async countSeen(): Promise<number> {
    const [{ count }] = await this.db(SEEN).count({ count: '*' });
    return Number(count);
  }

  async listSeen(): Promise<string[]> {
    const rows = await this.db(SEEN).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async forget(entityRefs: string[]): Promise<void> {
    for (const chunk of chunks(entityRefs)) {
      await this.db(SEEN).whereIn('entity_ref', chunk).delete();
    }
  }
}
