import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  Handover,
  HandoverEntity,
} from '@internal/plugin-catalog-fixes-common';
import { Knex } from 'knex';
import {
  HandoverRecord,
  HandoverStore,
  HandoverSyncResult,
  SyncedHandoverPlan,
  UnnotifiedHandover,
} from './HandoverStore';
import { migratedClient } from './migrate';

const HANDOVERS = 'handovers';
const ENTITIES = 'handover_entities';

/** The state of an entity from its own status and its change request's. */
function stateOf(row: any): HandoverEntity['state'] {
  if (row.status === 'resolved') return 'resolved';
  if (row.status !== 'accepted') return 'pending';
  if (row.cr_status === 'merged') return 'handedOver';
  if (row.cr_status === 'rejected') return 'pending';
  return 'accepted';
}

function entityOf(row: any): HandoverEntity {
  const state = stateOf(row);
  const accepted = state === 'accepted' || state === 'handedOver';
  return {
    entityRef: row.entity_ref,
    ...(row.title ? { title: row.title } : {}),
    ...(row.suggested_team ? { suggestedTeam: row.suggested_team } : {}),
    ...(row.provider ? { provider: row.provider } : {}),
    ...(row.repository ? { repository: row.repository } : {}),
    ...(row.path ? { path: row.path } : {}),
    state,
    ...(accepted && row.team ? { team: row.team } : {}),
    ...(accepted && row.accepted_by ? { acceptedBy: row.accepted_by } : {}),
    ...(accepted && row.change_request_id
      ? { changeRequestId: Number(row.change_request_id) }
      : {}),
  };
}

function recordOf(row: any, entityRows: any[]): HandoverRecord {
  const entities = entityRows.map(entityOf);
  const requests = (status: string) =>
    new Set(
      entityRows
        .filter(e => e.status === 'accepted' && e.cr_status === status)
        .map(e => String(e.change_request_id)),
    ).size;
  const done = entities.filter(
    e => e.state === 'handedOver' || e.state === 'resolved',
  ).length;
  return {
    id: Number(row.id),
    subjectRef: row.subject_ref,
    reason: row.reason,
    status:
      row.status === 'completed' || done === entities.length
        ? 'completed'
        : 'open',
    createdAt: new Date(row.created_at),
    teams: [
      ...new Set(
        entities.map(e => e.suggestedTeam).filter((t): t is string => !!t),
      ),
    ].sort(),
    progress: {
      total: entities.length,
      handedOver: done,
      pending: entities.filter(e => e.state === 'pending').length,
      openChangeRequests: requests('open'),
      mergedChangeRequests: requests('merged'),
    },
    entities,
  };
}

/** Entities still to hand over: pending, or accepted with a change request not merged. */
const UNFINISHED = `(e.status = 'pending' OR (e.status = 'accepted' AND (cr.id IS NULL OR cr.status <> 'merged')))`;

/** The PostgreSQL store of handovers, beside the change requests they open. */
export class DatabaseHandoverStore implements HandoverStore {
  /** Runs the migrations (unless `database.migrations.skip`) and returns the store. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseHandoverStore> {
    return new DatabaseHandoverStore(await migratedClient(options.database));
  }

  constructor(private readonly db: Knex) {}

  private entityRows(tx: Knex, handoverIds: Array<number | string>) {
    return tx(`${ENTITIES} as e`)
      .leftJoin('change_requests as cr', 'cr.id', 'e.change_request_id')
      .whereIn('e.handover_id', handoverIds)
      .select('e.*', 'cr.status as cr_status')
      .orderBy('e.entity_ref');
  }

  private async withEntities(tx: Knex, rows: any[]) {
    if (rows.length === 0) return [];
    const entities = await this.entityRows(
      tx,
      rows.map(r => r.id),
    );
    return rows.map(row =>
      recordOf(
        row,
        entities.filter(e => String(e.handover_id) === String(row.id)),
      ),
    );
  }

  /** Completes open handovers with nothing left to hand over. */
  private async complete(tx: Knex, now: Date) {
    await tx(HANDOVERS)
      .where('status', 'open')
      .whereNotExists(
        tx(`${ENTITIES} as e`)
          .leftJoin('change_requests as cr', 'cr.id', 'e.change_request_id')
          .whereRaw('e.handover_id = handovers.id')
          .whereRaw(UNFINISHED)
          .select(tx.raw('1')),
      )
      .update({ status: 'completed', completed_at: now });
  }

  async sync(
    plans: SyncedHandoverPlan[],
    now: Date,
  ): Promise<HandoverSyncResult> {
    return this.db.transaction(async tx => {
      const result: HandoverSyncResult = { opened: [], added: 0, resolved: 0 };
      const open = await tx(HANDOVERS).where('status', 'open');
      const openBySubject = new Map(open.map(h => [h.subject_ref, h]));
      const planned = new Set(plans.map(p => p.subjectRef));

      for (const plan of plans) {
        let handover = openBySubject.get(plan.subjectRef);
        // Entities an earlier handover of the subject already hands over stay there, while
        // owner validation has not yet seen the merged file.
        const taken = new Set(
          (
            await tx(`${ENTITIES} as e`)
              .join(`${HANDOVERS} as h`, 'h.id', 'e.handover_id')
              .where('h.subject_ref', plan.subjectRef)
              .whereNot('e.status', 'resolved')
              .modify(q => {
                if (handover) q.whereNot('h.id', handover.id);
              })
              .select('e.entity_ref')
          ).map((r: { entity_ref: string }) => r.entity_ref),
        );
        const entities = plan.entities.filter(e => !taken.has(e.entityRef));
        if (!handover) {
          if (entities.length === 0) continue;
          [handover] = await tx(HANDOVERS)
            .insert({
              subject_ref: plan.subjectRef,
              reason: plan.reason,
              status: 'open',
              created_at: now,
            })
            .returning('*');
          result.opened.push(Number(handover.id));
        }
        const refs = entities.map(e => e.entityRef);
        if (refs.length > 0) {
          const inserted = await tx(ENTITIES)
            .insert(
              entities.map(e => ({
                handover_id: handover.id,
                entity_ref: e.entityRef,
                title: e.title ?? null,
                suggested_team: e.suggestedTeam ?? null,
                provider: e.provider ?? null,
                repository: e.repository ?? null,
                path: e.path ?? null,
                status: 'pending',
              })),
            )
            .onConflict(['handover_id', 'entity_ref'])
            .ignore()
            .returning('entity_ref');
          result.added += inserted.length;
          // A finding that came back, and suggestions and files that moved, for pending entities.
          const existing = new Map(
            (
              await tx(ENTITIES)
                .where('handover_id', handover.id)
                .whereIn('status', ['pending', 'resolved'])
            ).map(r => [r.entity_ref, r]),
          );
          for (const e of entities) {
            const row = existing.get(e.entityRef);
            const wanted = {
              status: 'pending',
              suggested_team: e.suggestedTeam ?? null,
              provider: e.provider ?? null,
              repository: e.repository ?? null,
              path: e.path ?? null,
            };
            if (
              row &&
              Object.entries(wanted).some(([k, v]) => (row[k] ?? null) !== v)
            ) {
              await tx(ENTITIES)
                .where({ handover_id: handover.id, entity_ref: e.entityRef })
                .update(wanted);
            }
          }
        }
        result.resolved += await tx(ENTITIES)
          .where({ handover_id: handover.id, status: 'pending' })
          .whereNotIn('entity_ref', refs)
          .update({ status: 'resolved' });
      }
      for (const handover of open) {
        if (planned.has(handover.subject_ref)) continue;
        result.resolved += await tx(ENTITIES)
          .where({ handover_id: handover.id, status: 'pending' })
          .update({ status: 'resolved' });
      }
      await this.complete(tx, now);
      return result;
    });
  }

  async list(filter: { status?: Handover['status'] }) {
    await this.complete(this.db, new Date());
    const rows = await this.db(HANDOVERS)
      .modify(q => {
        if (filter.status) q.where('status', filter.status);
      })
      .orderBy('id');
    return this.withEntities(this.db, rows);
  }

  async get(id: number) {
    const row = await this.db(HANDOVERS).where('id', id).first();
    return row ? (await this.withEntities(this.db, [row]))[0] : undefined;
  }

  async claim(
    id: number,
    claims: Array<{ entityRef: string; team: string }>,
    acceptedBy: string,
    at: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const refs = claims.map(c => c.entityRef);
      // Locks the rows: two people accepting at once, on any replica, cannot both succeed.
      const rows = await this.entityRows(tx, [id])
        .whereIn('e.entity_ref', refs)
        .forUpdate('e');
      const claimable = new Set(
        rows.filter(r => stateOf(r) === 'pending').map(r => r.entity_ref),
      );
      const taken = refs.find(ref => !claimable.has(ref));
      if (taken) {
        const row = rows.find(r => r.entity_ref === taken);
        throw new ConflictError(
          `'${taken}' is already ${
            row ? entityOf(row).state : 'not part of the handover'
          }${row?.team ? ` by ${row.team}` : ''}`,
        );
      }
      for (const claim of claims) {
        await tx(ENTITIES)
          .where({ handover_id: id, entity_ref: claim.entityRef })
          .update({
            status: 'accepted',
            team: claim.team,
            accepted_by: acceptedBy,
            accepted_at: at,
            change_request_id: null,
          });
      }
    });
  }

  async attach(id: number, entityRefs: string[], changeRequestId: number) {
    await this.db(ENTITIES)
      .where('handover_id', id)
      .whereIn('entity_ref', entityRefs)
      .update({ change_request_id: changeRequestId });
  }

  async release(id: number, entityRefs: string[]) {
    await this.db(ENTITIES)
      .where({ handover_id: id, status: 'accepted' })
      .whereIn('entity_ref', entityRefs)
      .update({
        status: 'pending',
        team: null,
        accepted_by: null,
        accepted_at: null,
        change_request_id: null,
      });
  }

  async unnotified(): Promise<UnnotifiedHandover[]> {
    const rows = await this.db(`${ENTITIES} as e`)
      .join(`${HANDOVERS} as h`, 'h.id', 'e.handover_id')
      .where({ 'h.status': 'open', 'e.status': 'pending' })
      .whereNull('e.notified_at')
      .whereNotNull('e.suggested_team')
      .select(
        'e.handover_id',
        'h.subject_ref',
        'e.suggested_team',
        'e.entity_ref',
      )
      .orderBy(['e.handover_id', 'e.suggested_team', 'e.entity_ref']);
    const groups = new Map<string, UnnotifiedHandover>();
    for (const row of rows) {
      const key = `${row.handover_id} ${row.suggested_team}`;
      const group: UnnotifiedHandover = groups.get(key) ?? {
        handoverId: Number(row.handover_id),
        subjectRef: row.subject_ref,
        team: row.suggested_team,
        entityRefs: [],
      };
      group.entityRefs.push(row.entity_ref);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  async markNotified(handoverId: number, team: string, at: Date) {
    await this.db(ENTITIES)
      .where({ handover_id: handoverId, suggested_team: team })
      .whereNull('notified_at')
      .update({ notified_at: at });
  }
}
