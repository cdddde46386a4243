import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import type {
  ProcessingProblem,
  ProcessingProblemsResponse,
} from '@internal/plugin-catalog-problems-common';
import type { Knex } from 'knex';

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

  async listProblems(options: {
    limit: number;
    offset: number;
  }): Promise<ProcessingProblemsResponse> {
    const failed = () =>
      this.db('refresh_state')
        .whereNotNull('errors')
        .whereNot('errors', '')
        .whereNot('errors', '[]');
    const [{ count }] = await failed().count({ count: '*' });
    const rows = await failed()
      .leftJoin(
        'final_entities',
        'final_entities.entity_id',
        'refresh_state.entity_id',
      )
      .select(
        'refresh_state.entity_ref',
        'refresh_state.unprocessed_entity',
        'refresh_state.errors',
        'final_entities.final_entity',
      )
      .orderBy('refresh_state.entity_ref')
      .limit(options.limit)
      .offset(options.offset);
    return {
      totalItems: Number(count),
      items: rows.map(row => {
        let annotations: Record<string, string> = {};
        try {
          annotations =
            JSON.parse(row.unprocessed_entity)?.metadata?.annotations ?? {};
        } catch {
          // A row the catalog wrote is JSON; keep going without the location if not.
        }
        let errors: ProcessingProblem['errors'] = [];
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
          location: annotations[ANNOTATION_LOCATION],
          originLocation:
            annotations['backstage.io/managed-by-origin-location'],
          errors,
          ingested: Boolean(row.final_entity),
        };
      }),
    };
  }
}
