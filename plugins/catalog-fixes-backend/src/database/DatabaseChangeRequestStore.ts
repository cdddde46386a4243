import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  ChangeRequestDecision,
  ChangeRequestRecord,
  ChangeRequestStore,
  NewChangeRequest,
} from './ChangeRequestStore';
import { migratedClient } from './migrate';

const REQUESTS = 'change_requests';
const ENTITIES = 'change_request_entities';

function toRecord(row: any, entities: any[]): ChangeRequestRecord {
  return {
    id: Number(row.id),
    provider: row.provider,
    repository: row.repository,
    branch: row.branch,
    baseCommit: row.base_commit,
    ...(row.head_commit ? { headCommit: row.head_commit } : {}),
    title: row.title,
    diff: row.diff,
    author: row.author,
    createdAt: new Date(row.created_at),
    status: row.status,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: new Date(row.decided_at) } : {}),
    ...(row.url ? { url: row.url } : {}),
    entities: entities.map(e => ({
      entityRef: e.entity_ref,
      path: e.path,
      baseHash: e.base_hash,
      fix: typeof e.fix === 'string' ? JSON.parse(e.fix) : e.fix,
    })),
  };
}

/** The PostgreSQL store of change requests. */
export class DatabaseChangeRequestStore implements ChangeRequestStore {
  /** Runs the migrations (unless `database.migrations.skip`) and returns the store. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseChangeRequestStore> {
    return new DatabaseChangeRequestStore(
      await migratedClient(options.database),
    );
  }

  constructor(private readonly db: Knex) {}

  private async withEntities(rows: any[]): Promise<ChangeRequestRecord[]> {
    if (rows.length === 0) return [];
    const entities = await this.db(ENTITIES)
      .whereIn(
        'change_request_id',
        rows.map(r => r.id),
      )
      .orderBy('entity_ref');
    return rows.map(row =>
      toRecord(
        row,
        entities.filter(e => String(e.change_request_id) === String(row.id)),
      ),
    );
  }

  async create(request: NewChangeRequest): Promise<ChangeRequestRecord> {
    return this.db.transaction(async tx => {
      const [row] = await tx(REQUESTS)
        .insert({
          provider: request.provider,
          repository: request.repository,
          branch: request.branch,
          base_commit: request.baseCommit,
          head_commit: request.headCommit ?? null,
          title: request.title,
          diff: request.diff,
          author: request.author,
          created_at: request.createdAt,
          status: 'open',
          url: request.url ?? null,
        })
        .returning('*');
      await tx(ENTITIES).insert(
        request.entities.map((e: (typeof request.entities)[number]) => ({
          change_request_id: row.id,
          entity_ref: e.entityRef,
          path: e.path,
          base_hash: e.baseHash,
          fix: JSON.stringify(e.fix),
        })),
      );
      const entities = await tx(ENTITIES)
        .where('change_request_id', row.id)
        .orderBy('entity_ref');
      return toRecord(row, entities);
    });
  }

  async get(id: number): Promise<ChangeRequestRecord | undefined> {
    const row = await this.db(REQUESTS).where('id', id).first();
    return row ? (await this.withEntities([row]))[0] : undefined;
  }

  async list(filter: {
    status?: string;
    entityRef?: string;
    limit: number;
    offset: number;
  }) {
    const query = this.db(REQUESTS).modify(q => {
      if (filter.status) q.where('status', filter.status);
      if (filter.entityRef) {
        q.whereIn(
          'id',
          this.db(ENTITIES)
            .select('change_request_id')
            .where('entity_ref', filter.entityRef),
        );
      }
    });
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset);
    return {
      items: await this.withEntities(rows),
      totalCount: Number(count),
    };
  }

  async decide(
    id: number,
    decision: ChangeRequestDecision,
  ): Promise<ChangeRequestRecord | undefined> {
    const [row] = await this.db(REQUESTS)
      .where({ id, status: 'open' })
      .update({
        status: decision.status,
        decided_by: decision.decidedBy,
        decided_at: decision.decidedAt,
        reason: decision.reason ?? null,
        ...(decision.headCommit ? { head_commit: decision.headCommit } : {}),
      })
      .returning('*');
    return row ? (await this.withEntities([row]))[0] : undefined;
  }
}
