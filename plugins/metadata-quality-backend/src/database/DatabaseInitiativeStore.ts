import { InitiativeDefinition } from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import {
  readFailing,
  readFailingOwners,
  readHistory,
  readProgress,
  readTeams,
  recordProgress,
} from './initiativeProgress';
import { InitiativeStore, StoredInitiative } from './InitiativeStore';
import { INITIATIVE_NOTICES, INITIATIVES, SCORES } from './tables';

function toInitiative(row: any): StoredInitiative {
  return {
    id: Number(row.id),
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    ruleIds: row.rule_ids,
    rules: row.rules,
    target: row.target,
    startsAt: new Date(row.starts_at),
    deadline: new Date(row.deadline),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    ...(row.evaluated_at ? { evaluatedAt: new Date(row.evaluated_at) } : {}),
  };
}

function columns(d: InitiativeDefinition) {
  return {
    title: d.title,
    description: d.description ?? null,
    rule_ids: JSON.stringify(d.ruleIds),
    rules: JSON.stringify(d.rules),
    target: JSON.stringify(d.target),
    starts_at: d.startsAt,
    deadline: d.deadline,
  };
}

/** The PostgreSQL store of initiatives (tables of the plugin's migrations). */
export class DatabaseInitiativeStore implements InitiativeStore {
  constructor(private readonly db: Knex) {}

  async create(d: InitiativeDefinition, createdBy: string, at: Date) {
    const [row] = await this.db(INITIATIVES)
      .insert({
        ...columns(d),
        created_by: createdBy,
        created_at: at,
        updated_at: at,
      })
      .returning('*');
    return toInitiative(row);
  }

  async update(id: number, d: InitiativeDefinition, at: Date) {
    const [row] = await this.db(INITIATIVES)
      .where('id', id)
      .update({ ...columns(d), updated_at: at })
      .returning('*');
    return row ? toInitiative(row) : undefined;
  }

  async delete(id: number): Promise<boolean> {
    return this.db.transaction(async tx => {
      const deleted = await tx(INITIATIVES).where('id', id).delete();
      if (deleted) {
        await tx(SCORES)
          .whereRaw('initiatives -> ? IS NOT NULL', [String(id)])
          .update({ initiatives: tx.raw('initiatives - ?', [String(id)]) });
      }
      return deleted > 0;
    });
  }

  async get(id: number) {
    const row = await this.db(INITIATIVES).where('id', id).first();
    return row ? toInitiative(row) : undefined;
  }

  async list() {
    const rows = await this.db(INITIATIVES).orderBy(['deadline', 'id']);
    return rows.map(toInitiative);
  }

  progress() {
    return readProgress(this.db);
  }

  teams(id: number) {
    return readTeams(this.db, id);
  }

  failing(id: number, page: { limit: number; offset: number }) {
    return readFailing(this.db, id, page);
  }

  history(id: number, ownerRef?: string) {
    return readHistory(this.db, id, ownerRef);
  }

  recordProgress(initiatives: StoredInitiative[], now: Date) {
    return recordProgress(this.db, initiatives, now);
  }

  failingOwners(id: number) {
    return readFailingOwners(this.db, id);
  }

  async notifiedOwners(id: number, milestone: string) {
    const rows = await this.db(INITIATIVE_NOTICES)
      .where({ initiative_id: id, milestone })
      .select('owner_ref');
    return new Set<string>(rows.map(r => r.owner_ref));
  }

  async recordNotice(
    id: number,
    milestone: string,
    ownerRef: string,
    sentAt: Date,
  ) {
    await this.db(INITIATIVE_NOTICES)
      .insert({
        initiative_id: id,
        milestone,
        owner_ref: ownerRef,
        sent_at: sentAt,
      })
      .onConflict(['initiative_id', 'milestone', 'owner_ref'])
      .ignore();
  }
}
