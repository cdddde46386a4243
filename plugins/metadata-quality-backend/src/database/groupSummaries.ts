import { GroupSummary } from '@internal/plugin-metadata-quality-common';
import { Knex } from 'knex';
import { GroupRow } from './QualityStore';
import { chunks, GROUPS, SCORES } from './tables';

// Each group with itself and every descendant; UNION (not UNION ALL) stops on cycles.
const GROUP_TREE = `
  WITH RECURSIVE tree(ancestor, descendant) AS (
    SELECT group_ref, group_ref FROM ${GROUPS}
    UNION
    SELECT tree.ancestor, g.group_ref
      FROM tree JOIN ${GROUPS} g ON g.parent_ref = tree.descendant
  )`;

/** Replaces the stored groups with the catalog's current ones. */
export async function replaceGroups(
  db: Knex,
  groups: GroupRow[],
): Promise<void> {
  await db.transaction(async tx => {
    await tx(GROUPS).delete();
    for (const chunk of chunks(groups)) {
      await tx(GROUPS).insert(
        chunk.map(g => ({
          group_ref: g.groupRef,
          parent_ref: g.parentRef ?? null,
          title: g.title ?? null,
        })),
      );
    }
  });
}

/** Recomputes each group's entity count, average score and levels over its subtree. */
export async function refreshGroupSummaries(db: Knex): Promise<void> {
  // Scores are folded per owner first (a few hundred rows), then rolled up the tree.
  await db.raw(
    `${GROUP_TREE},
    per_owner AS (
      SELECT owner_ref, level, count(*) AS n, sum(score) AS total
        FROM ${SCORES} WHERE owner_ref IS NOT NULL
       GROUP BY owner_ref, level
    ),
    per_level AS (
      SELECT tree.ancestor, coalesce(p.level, 'none') AS level,
             sum(p.n) AS n, sum(p.total) AS total
        FROM tree JOIN per_owner p ON p.owner_ref = tree.descendant
       GROUP BY tree.ancestor, coalesce(p.level, 'none')
    ),
    rolled AS (
      SELECT ancestor, sum(n)::int AS entity_count,
             round((sum(total) / sum(n))::numeric, 1)::float AS average_score,
             jsonb_object_agg(level, n::int) AS levels
        FROM per_level GROUP BY ancestor
    )
    UPDATE ${GROUPS} g
       SET entity_count = coalesce(r.entity_count, 0),
           average_score = r.average_score,
           levels = coalesce(r.levels, '{}'::jsonb)
      FROM ${GROUPS} g2 LEFT JOIN rolled r ON r.ancestor = g2.group_ref
     WHERE g.group_ref = g2.group_ref`,
  );
}

/** The stored group summaries, best average first. */
export async function readGroupSummaries(db: Knex): Promise<GroupSummary[]> {
  const rows = await db(GROUPS)
    .select('*')
    .orderByRaw('average_score DESC NULLS LAST, group_ref ASC');
  return rows.map((g: any) => ({
    groupRef: g.group_ref,
    ...(g.title ? { title: g.title } : {}),
    ...(g.parent_ref ? { parentRef: g.parent_ref } : {}),
    entityCount: g.entity_count,
    averageScore: g.average_score === null ? null : Number(g.average_score),
    levels: g.levels ?? {},
  }));
}
