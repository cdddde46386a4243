import {
  InitiativeEntity,
  InitiativeProgress,
  InitiativeProgressPoint,
  InitiativeTeam,
} from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { FailingOwner, StoredInitiative } from './InitiativeStore';
import {
  day,
  GROUPS,
  INITIATIVE_PROGRESS,
  INITIATIVES,
  SCORES,
} from './tables';

// `initiatives` on a score maps an initiative id to the ids of its rules the entity fails.
const PASSING = `count(*) FILTER (WHERE s.initiatives -> ? = '[]'::jsonb)::int`;
const TARGETED = 's.initiatives -> ? IS NOT NULL';
const FAILING = `s.initiatives -> ? <> '[]'::jsonb`;

/** Targeted and passing entities of every initiative, by id. */
export async function readProgress(
  db: Knex,
): Promise<Map<number, InitiativeProgress>> {
  const { rows } = await db.raw(
    `SELECT o.key, count(*)::int AS targeted,
            count(*) FILTER (WHERE o.value = '[]'::jsonb)::int AS passing
       FROM ${SCORES} s, jsonb_each(s.initiatives) o
      GROUP BY o.key`,
  );
  return new Map(
    rows.map((r: any) => [
      Number(r.key),
      { targeted: r.targeted, passing: r.passing },
    ]),
  );
}

/** Progress per owner, most failing entities first. */
export async function readTeams(
  db: Knex,
  id: number,
): Promise<InitiativeTeam[]> {
  const key = String(id);
  const rows = await db(`${SCORES} as s`)
    .leftJoin(`${GROUPS} as g`, 'g.group_ref', 's.owner_ref')
    .whereRaw(TARGETED, [key])
    .groupBy('s.owner_ref', 'g.title')
    .select(
      's.owner_ref',
      'g.title',
      db.raw('count(*)::int AS targeted'),
      db.raw(`${PASSING} AS passing`, [key]),
    )
    .orderByRaw(`count(*) - ${PASSING} DESC, s.owner_ref`, [key]);
  return rows.map((r: any) => ({
    ...(r.owner_ref ? { ownerRef: r.owner_ref } : {}),
    ...(r.title ? { title: r.title } : {}),
    targeted: r.targeted,
    passing: r.passing,
  }));
}

/** A page of the entities failing an initiative, by owner then ref. */
export async function readFailing(
  db: Knex,
  id: number,
  page: { limit: number; offset: number },
): Promise<{ items: InitiativeEntity[]; totalItems: number }> {
  const key = String(id);
  const base = db(`${SCORES} as s`).whereRaw(FAILING, [key]);
  const [rows, [{ count }]] = await Promise.all([
    base
      .clone()
      .select(
        's.entity_ref',
        's.kind',
        's.namespace',
        's.name',
        's.title',
        's.owner_ref',
        db.raw('s.initiatives -> ? AS failing', [key]),
      )
      .orderByRaw('s.owner_ref NULLS FIRST, s.entity_ref')
      .limit(page.limit)
      .offset(page.offset),
    base.clone().count({ count: '*' }),
  ]);
  return {
    totalItems: Number(count),
    items: rows.map((r: any) => ({
      entityRef: r.entity_ref,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      ...(r.title ? { title: r.title } : {}),
      ...(r.owner_ref ? { ownerRef: r.owner_ref } : {}),
      failingRules: r.failing,
    })),
  };
}

/** Owners of failing entities, with those entities. */
export async function readFailingOwners(
  db: Knex,
  id: number,
): Promise<FailingOwner[]> {
  const rows = await db(`${SCORES} as s`)
    .whereRaw(FAILING, [String(id)])
    .whereNotNull('s.owner_ref')
    .select('s.owner_ref', 's.entity_ref', 's.title', 's.name')
    .orderBy(['s.owner_ref', 's.entity_ref']);
  const owners = new Map<string, FailingOwner>();
  for (const r of rows) {
    const owner: FailingOwner = owners.get(r.owner_ref) ?? {
      ownerRef: r.owner_ref,
      entities: [],
    };
    owner.entities.push({
      entityRef: r.entity_ref,
      name: r.name,
      ...(r.title ? { title: r.title } : {}),
    });
    owners.set(r.owner_ref, owner);
  }
  return [...owners.values()];
}

/** Daily progress, oldest first: of one owner, or summed over all. */
export async function readHistory(
  db: Knex,
  id: number,
  ownerRef?: string,
): Promise<InitiativeProgressPoint[]> {
  const rows = await db(INITIATIVE_PROGRESS)
    .where('initiative_id', id)
    .modify(q => {
      if (ownerRef !== undefined) q.where('owner_ref', ownerRef);
    })
    .groupBy('day')
    .select(
      db.raw(`to_char(day, 'YYYY-MM-DD') AS day`),
      db.raw('sum(targeted)::int AS targeted'),
      db.raw('sum(passing)::int AS passing'),
    )
    .orderBy('day');
  return rows.map((r: any) => ({
    day: r.day,
    targeted: r.targeted,
    passing: r.passing,
  }));
}

/** Replaces today's progress rows of the initiatives not past their deadline day. */
export async function recordProgress(
  db: Knex,
  initiatives: StoredInitiative[],
  now: Date,
): Promise<void> {
  const today = day(now);
  const open = initiatives
    .filter(i => day(i.deadline) >= today)
    .map(i => String(i.id));
  await db.transaction(async tx => {
    if (open.length > 0) {
      await tx(INITIATIVE_PROGRESS)
        .whereIn('initiative_id', open)
        .andWhere('day', today)
        .delete();
      // Only initiatives that still exist: scores may carry outcomes of a deleted one until rescored.
      await tx.raw(
        `INSERT INTO ${INITIATIVE_PROGRESS} (initiative_id, day, owner_ref, targeted, passing)
         SELECT o.key::bigint, ?::date, coalesce(s.owner_ref, ''), count(*),
                count(*) FILTER (WHERE o.value = '[]'::jsonb)
           FROM ${SCORES} s, jsonb_each(s.initiatives) o
          WHERE o.key = ANY(?) AND o.key::bigint IN (SELECT id FROM ${INITIATIVES})
          GROUP BY o.key, coalesce(s.owner_ref, '')`,
        [today, open],
      );
    }
    await tx(INITIATIVES)
      .whereIn(
        'id',
        initiatives.map(i => i.id),
      )
      .andWhere('updated_at', '<=', now)
      .update({ evaluated_at: now });
  });
}
