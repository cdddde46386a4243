import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import type { Knex } from 'knex';

/** One entity the catalog could not process, with the errors it recorded. */
export interface ProcessingProblem {
  entityRef: string;
  /** Where the entity was read from (`backstage.io/managed-by-location`), when known. */
  location?: string;
  /** The registration it came through (`backstage.io/managed-by-origin-location`), when known. */
  originLocation?: string;
  errors: Array<{ name: string; message: string }>;
  /** False when the catalog still has the last good version of the entity. */
  ingested: boolean;
}

/**
 * Reads the catalog's processing errors from its own tables (the refresh state holds the errors
 * of every entity, including the ones never stored in the catalog because they failed). The
 * catalog offers no API for them; this is the one place that knows the table layout.
 */
export class ProcessingProblems {
  constructor(private readonly db: Knex) {}

  async list(options: {
    limit: number;
    offset: number;
  }): Promise<{ items: ProcessingProblem[]; totalItems: number }> {
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
