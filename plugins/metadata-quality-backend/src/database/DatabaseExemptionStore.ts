import {
  ActiveExemption,
  Exemption,
} from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { ExemptionRequest, ExemptionStore } from './ExemptionStore';
import { chunks, EXEMPTIONS } from './tables';

const iso = (value: unknown) => new Date(value as string).toISOString();

function toExemption(row: any): Exemption {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    reason: row.reason,
    until: iso(row.until),
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: iso(row.decided_at) } : {}),
    ...(row.comment !== null && row.comment !== undefined
      ? { comment: row.comment }
      : {}),
    ...(row.expired_at ? { expiredAt: iso(row.expired_at) } : {}),
  };
}

/** The PostgreSQL store of exemptions. */
export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  async request(r: ExemptionRequest): Promise<Exemption> {
    const [row] = await this.db(EXEMPTIONS)
      .insert({
        entity_ref: r.entityRef,
        rule_id: r.ruleId,
        reason: r.reason,
        until: r.until,
        status: 'requested',
        requested_by: r.requestedBy,
        requested_at: r.requestedAt,
      })
      .returning('*');
    return toExemption(row);
  }

  async get(id: number): Promise<Exemption | undefined> {
    const row = await this.db(EXEMPTIONS).where('id', id).first();
    return row ? toExemption(row) : undefined;
  }

  async decide(
    id: number,
    d: {
      status: 'approved' | 'denied';
      decidedBy: string;
      decidedAt: Date;
      comment: string;
    },
  ): Promise<Exemption | undefined> {
    const [row] = await this.db(EXEMPTIONS)
      .where({ id, status: 'requested' })
      .update({
        status: d.status,
        decided_by: d.decidedBy,
        decided_at: d.decidedAt,
        comment: d.comment,
      })
      .returning('*');
    return row ? toExemption(row) : undefined;
  }

  async list(filter: {
    status?: string;
    entityRef?: string;
  }): Promise<Exemption[]> {
    const rows = await this.db(EXEMPTIONS)
      .modify(q => {
        if (filter.status) q.where('status', filter.status);
        if (filter.entityRef) q.where('entity_ref', filter.entityRef);
      })
      .orderBy('id', 'desc');
    return rows.map(toExemption);
  }

  async approvedFor(entityRefs: string[]) {
    const result = new Map<string, ActiveExemption[]>();
    for (const chunk of chunks(entityRefs, 5000)) {
      const rows = await this.db(EXEMPTIONS)
        .whereIn('entity_ref', chunk)
        .andWhere('status', 'approved');
      for (const row of rows) {
        result.set(row.entity_ref, [
          ...(result.get(row.entity_ref) ?? []),
          {
            ruleId: row.rule_id,
            until: new Date(row.until),
            reason: row.reason,
          },
        ]);
      }
    }
    return result;
  }

  async endedBy(now: Date): Promise<Exemption[]> {
    const rows = await this.db(EXEMPTIONS)
      .where('status', 'approved')
      .andWhere('until', '<=', now)
      .orderBy('id');
    return rows.map(toExemption);
  }

  async markExpired(id: number, at: Date): Promise<void> {
    await this.db(EXEMPTIONS)
      .where({ id, status: 'approved' })
      .update({ status: 'expired', expired_at: at });
  }
}
