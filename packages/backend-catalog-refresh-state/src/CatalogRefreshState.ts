import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';

/** An entity the catalog could not process, as its refresh state holds it. */
export interface FailedEntity {
  /** The entity's ref as the catalog holds it. */
  entityRef: string;
  /** The entity as given to the catalog, before processing. */
  entity?: Entity;
  /** The errors of its last processing, as the catalog stored them. */
  errors: Array<{ name: string; message: string }>;
  /** True when the catalog still serves the last good version. */
  ingested: boolean;
}

/**
 * Reads the catalog's refresh state, its table of every entity it has been given: the processing
 * errors (including entities never stored because they failed) and the location key each entity
 * is held under. The catalog offers no API for either; this is the one place that knows the layout.
 */
export class CatalogRefreshState {
  constructor(private readonly db: Knex) {}

  /**
   * The location key (the file an entity was read from, e.g. `url:https://.../catalog-info.yaml`)
   * of each given entity ref the catalog holds: the key the catalog's own conflict check compares.
   */
  async locationKeys(entityRefs: string[]): Promise<Map<string, string>> {
    const rows = await this.db('refresh_state')
      .whereIn('entity_ref', entityRefs)
      .whereNotNull('location_key')
      .select('entity_ref', 'location_key');
    return new Map(rows.map(row => [row.entity_ref, row.location_key]));
  }

  /**
   * Which of the given refs (lower case) the catalog still holds in its refresh state: given to it
   * and not deleted, whether or not it serves them yet. An entity processed but not stored yet (the
   * catalog stitches behind its processing, by minutes at 100,000 entities) is among them; a
   * deleted one is not.
   */
  async heldRefs(entityRefs: string[]): Promise<Set<string>> {
    const held = new Set<string>();
    for (let i = 0; i < entityRefs.length; i += 1000) {
      const rows: Array<{ ref: string }> = await this.db('refresh_state')
        .whereRaw('lower(entity_ref) = ANY(?)', [entityRefs.slice(i, i + 1000)])
        .select(this.db.raw('lower(entity_ref) as ref'));
      rows.forEach(row => held.add(row.ref));
    }
    return held;
  }

  /**
   * A value that changes whenever the catalog may have added or removed an entity: PostgreSQL's
   * running counts of rows inserted into and deleted from the refresh state and the final entities
   * (`pg_stat_user_tables`, which reads no entity). A new entity is inserted into both; a deleted
   * one is deleted from both. The counts reach the view when the writing connection reports them,
   * within seconds; resetting the server's statistics changes the value too. Undefined when the
   * database keeps no such counts (not PostgreSQL).
   */
  async membershipVersion(): Promise<string | undefined> {
    if (this.db.client.config.client !== 'pg') return undefined;
    const rows: Array<{ relname: string; ins: string; del: string }> =
      await this.db('pg_stat_user_tables')
        .whereIn('relname', ['refresh_state', 'final_entities'])
        .where('schemaname', this.db.raw('current_schema()'))
        .select('relname', { ins: 'n_tup_ins', del: 'n_tup_del' })
        .orderBy('relname');
    return rows.map(r => `${r.relname}:${r.ins}:${r.del}`).join(' ');
  }

  /** Every entity whose last processing failed, with its errors, ordered by entity ref. */
  async listFailed(): Promise<FailedEntity[]> {
    const rows = await this.db('refresh_state')
      .whereNotNull('refresh_state.errors')
      .whereNot('refresh_state.errors', '')
      .whereNot('refresh_state.errors', '[]')
      .leftJoin(
        'final_entities',
        'final_entities.entity_id',
        'refresh_state.entity_id',
      )
      .select(
        'refresh_state.entity_ref',
        'refresh_state.unprocessed_entity',
        'refresh_state.errors',
        this.db.raw('final_entities.final_entity is not null as ingested'),
      )
      .orderBy('refresh_state.entity_ref');
    return rows.map(row => {
      let entity: Entity | undefined;
      try {
        entity = JSON.parse(row.unprocessed_entity);
      } catch {
        // A row the catalog wrote is JSON; keep going without it if not.
      }
      let errors: FailedEntity['errors'] = [];
      try {
        errors = (JSON.parse(row.errors) as any[]).map(e => ({
          name: String(e?.name ?? 'Error'),
          message: String(e?.message ?? e),
        }));
      } catch {
        errors = [{ name: 'Error', message: String(row.errors) }];
      }
      return {
        entityRef: row.entity_ref,
        entity,
        errors,
        ingested: Boolean(row.ingested),
      };
    });
  }

  /** The catalog's ids of the given registered locations (`url:https://...`), by location ref. */
  async locationIds(locationRefs: string[]): Promise<Map<string, string>> {
    const pairs = locationRefs.flatMap(ref => {
      const colon = ref.indexOf(':');
      return colon > 0 ? [[ref.slice(0, colon), ref.slice(colon + 1)]] : [];
    });
    if (pairs.length === 0) return new Map();
    const rows = await this.db('locations')
      .whereIn(['type', 'target'], pairs)
      .select('id', 'type', 'target');
    return new Map(rows.map(row => [`${row.type}:${row.target}`, row.id]));
  }
}
