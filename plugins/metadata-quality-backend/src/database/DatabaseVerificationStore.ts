import {
  Confirmation,
  CONFIRMED_RULE_ID,
} from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { chunks, CONFIRMATIONS, NOTICES, SCORES } from './tables';
import {
  ConfirmationRow,
  ScoredConfirmation,
  UnconfirmedEntity,
  VerificationStore,
} from './VerificationStore';

function toConfirmation(row: any): Confirmation {
  return {
    ownerRef: row.owner_ref,
    confirmedBy: row.confirmed_by,
    confirmedAt: new Date(row.confirmed_at),
  };
}

/** The scored entity's name and title, read with each row about it. */
const ENTITY_NAME_COLUMNS = ['s.title', 's.kind', 's.namespace', 's.name'];

function entityNameOf(row: any) {
  return {
    ...(row.title ? { title: row.title } : {}),
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
  };
}

/** The PostgreSQL store of confirmations and notices (tables of the plugin's migrations). */
export class DatabaseVerificationStore implements VerificationStore {
  constructor(private readonly db: Knex) {}

  async confirm(rows: ConfirmationRow[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await this.db(CONFIRMATIONS)
        .insert(
          chunk.map(r => ({
            entity_ref: r.entityRef,
            owner_ref: r.ownerRef,
            confirmed_by: r.confirmedBy,
            confirmed_at: r.confirmedAt,
          })),
        )
        .onConflict('entity_ref')
        .merge();
    }
  }

  async getConfirmations(entityRefs?: string[]) {
    const result = new Map<string, Confirmation>();
    const read = async (refs?: string[]) => {
      const query = this.db(CONFIRMATIONS).select('*');
      if (refs) query.whereIn('entity_ref', refs);
      for (const row of await query) {
        result.set(row.entity_ref, toConfirmation(row));
      }
    };
    if (!entityRefs) await read();
    else for (const chunk of chunks(entityRefs, 5000)) await read(chunk);
    return result;
  }

  async scoredConfirmations(): Promise<ScoredConfirmation[]> {
    const rows = await this.db(`${CONFIRMATIONS} as c`)
      .join(`${SCORES} as s`, 's.entity_ref', 'c.entity_ref')
      .select(
        'c.*',
        's.owner_ref as current_owner_ref',
        ...ENTITY_NAME_COLUMNS,
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...toConfirmation(row),
      ...(row.current_owner_ref
        ? { currentOwnerRef: row.current_owner_ref }
        : {}),
      ...entityNameOf(row),
    }));
  }

  async unconfirmedSince(changedBefore: Date): Promise<UnconfirmedEntity[]> {
    const rows = await this.db(`${SCORES} as s`)
      .leftJoin(`${CONFIRMATIONS} as c`, 'c.entity_ref', 's.entity_ref')
      .whereNull('c.entity_ref')
      .whereNotNull('s.owner_ref')
      .where('s.changed_at', '<=', changedBefore)
      // Only entities the rule applies to carry its result.
      .whereRaw('s.results @> ?::jsonb', [
        JSON.stringify([{ ruleId: CONFIRMED_RULE_ID }]),
      ])
      .select(
        's.entity_ref',
        's.owner_ref',
        's.changed_at',
        ...ENTITY_NAME_COLUMNS,
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref,
      changedAt: new Date(row.changed_at),
      ...entityNameOf(row),
    }));
  }

  async wasNoticeSent(entityRef: string, notice: string, subject: string) {
    const row = await this.db(NOTICES)
      .where({ entity_ref: entityRef, notice, subject })
      .first();
    return !!row;
  }

  async recordNotice(
    entityRef: string,
    notice: string,
    subject: string,
    sentAt: Date,
  ): Promise<void> {
    await this.db(NOTICES)
      .insert({ entity_ref: entityRef, notice, subject, sent_at: sentAt })
      .onConflict(['entity_ref', 'notice', 'subject'])
      .ignore();
  }
}
