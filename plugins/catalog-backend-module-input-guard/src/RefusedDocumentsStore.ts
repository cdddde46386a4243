import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_ORIGIN_LOCATION,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import type { Knex } from 'knex';

const TABLE = 'input_guard_refused_documents';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-catalog-backend-module-input-guard',
  'migrations',
);

/** One document the guard refused out of a file, while the file's other documents were taken. */
export interface RefusedDocument {
  /** 1-based position in the file. */
  document: number;
  /** Lower-case ref of the entity the document defines, when it could be read that far. */
  entityRef?: string;
  /** The error, starting with the file, as the catalog would have shown it. */
  message: string;
}

/** A refused document of a file the catalog reads, with the registration it belongs to. */
export interface RegisteredRefusal extends RefusedDocument {
  /** Location key of the file, e.g. `url:https://git.example/org.yaml`. */
  file: string;
  /** The registered location the file was reached through, when known. */
  originLocation?: string;
}

/**
 * Refused documents in the catalog's database: the catalog keeps no record of a document it was
 * never given, so the guard keeps one. A file's rows are replaced on every read of the file.
 */
export class RefusedDocumentsStore {
  private constructor(private readonly db: Knex) {}

  static async create(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<RefusedDocumentsStore> {
    if (!options.skipMigrations) {
      // The catalog's own migrations use knex's default table; keep ours apart from them.
      await db.migrate.latest({
        directory: migrationsDir,
        tableName: 'input_guard_knex_migrations',
      });
    }
    return new RefusedDocumentsStore(db);
  }

  /** The migrations folder, for tests stepping through migrations. */
  static readonly migrationsDir = migrationsDir;

  /** Replaces what is recorded for the file at `location` (an empty list clears it). */
  async replace(
    location: LocationSpec,
    refused: RefusedDocument[],
  ): Promise<void> {
    const key = { location_type: location.type, location_target: location.target };
    await this.db.transaction(async tx => {
      await tx(TABLE).where(key).delete();
      if (refused.length) {
        const seenAt = new Date();
        await tx(TABLE).insert(
          refused.map(r => ({
            ...key,
            document: r.document,
            entity_ref: r.entityRef ?? null,
            message: r.message,
            seen_at: seenAt,
          })),
        );
      }
    });
  }

  /**
   * Refused documents of files that a Location in the catalog reads. Rows of files read only by a
   * dry run (the Register page's analysis) or no longer registered are left out.
   */
  async listRegistered(): Promise<RegisteredRefusal[]> {
    const rows = await this.db
      .with('readers', qb =>
        qb
          .from('refresh_state')
          .where('entity_ref', 'like', 'location:%')
          .select(
            this.db.raw(
              `unprocessed_entity::jsonb #>> '{spec,target}' as target`,
            ),
            this.db.raw(
              `unprocessed_entity::jsonb #>> '{metadata,annotations,${ANNOTATION_ORIGIN_LOCATION}}' as origin`,
            ),
          ),
      )
      .from(`${TABLE} as r`)
      .whereExists(qb =>
        qb
          .from('readers')
          .whereRaw('readers.target = r.location_target')
          .select(this.db.raw('1')),
      )
      .select(
        'r.location_type',
        'r.location_target',
        'r.document',
        'r.entity_ref',
        'r.message',
        this.db.raw(
          '(select min(origin) from readers where readers.target = r.location_target) as origin',
        ),
      )
      .orderBy(['r.location_target', 'r.document']);
    return rows.map(row => ({
      file: stringifyLocationRef({
        type: row.location_type,
        target: row.location_target,
      }),
      document: Number(row.document),
      entityRef: row.entity_ref ?? undefined,
      message: row.message,
      originLocation: row.origin ?? undefined,
    }));
  }
}
