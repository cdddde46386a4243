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

/**
 * Each group's entity count, average score, levels and `passing` count over its subtree, as the CTE
 * `rolled`. Scores are folded per owner first (a few hundred rows), then rolled up the tree.
 * `where` narrows the scores; `passing` is the per-score condition counted as passing.
 */
function rolledUp(where: string, passing: string) {
  return `${GROUP_TREE},
    per_owner AS (
      SELECT owner_ref, level, count(*) AS n, sum(score) AS total,
             count(*) FILTER (WHERE ${passing}) AS passing
        FROM ${SCORES} WHERE owner_ref IS NOT NULL ${where}
       GROUP BY owner_ref, level
    ),
    per_level AS (
      SELECT tree.ancestor, coalesce(p.level, 'none') AS level,
             sum(p.n) AS n, sum(p.total) AS total, sum(p.passing) AS passing
        FROM tree JOIN per_owner p ON p.owner_ref = tree.descendant
       GROUP BY tree.ancestor, coalesce(p.level, 'none')
    ),
    rolled AS (
      SELECT ancestor, sum(n)::int AS entity_count,
             round((sum(total) / sum(n))::numeric, 1)::float AS average_score,
             jsonb_object_agg(level, n::int) AS levels,
             sum(passing)::int AS passing
        FROM per_level GROUP BY ancestor
    )`;
}

/** Recomputes each group's entity count, average score and levels over its subtree. */
export async function refreshGroupSummaries(db: Knex): Promise<void> {
  await db.raw(
    `${rolledUp('', 'false')}
    UPDATE ${GROUPS} g
       SET entity_count = coalesce(r.entity_count, 0),
           average_score = r.average_score,
           levels = coalesce(r.levels, '{}'::jsonb)
      FROM ${GROUPS} g2 LEFT JOIN rolled r ON r.ancestor = g2.group_ref
     WHERE g.group_ref = g2.group_ref`,
  );
}

function toGroupSummary(g: any): GroupSummary {
  return {
    groupRef: g.group_ref,
    ...(g.title ? { title: g.title } : {}),
    ...(g.parent_ref ? { parentRef: g.parent_ref } : {}),
    entityCount: g.entity_count,
    averageScore: g.average_score === null ? null : Number(g.average_score),
    levels: g.levels ?? {},
  };
}

/**
 * The leaderboard over the entities an initiative targets, computed when asked (one grouped pass
 * over the scores): groups owning any, the largest share passing first.
 */
export async function readInitiativeGroupSummaries(
  db: Knex,
  initiativeId: number,
): Promise<GroupSummary[]> {
  const key = String(initiativeId);
  const { rows } = await db.raw(
    `${rolledUp(
      'AND initiatives -> ? IS NOT NULL',
      `initiatives -> ? = '[]'::jsonb`,
    )}
    SELECT g.group_ref, g.parent_ref, g.title, r.entity_count, r.average_score, r.levels, r.passing
      FROM ${GROUPS} g JOIN rolled r ON r.ancestor = g.group_ref
     ORDER BY r.passing::float / r.entity_count DESC, r.average_score DESC NULLS LAST, g.group_ref`,
    // The same id in the passing condition and in the filter.
    [key, key],
  );
  return rows.map((g: any) => ({ ...toGroupSummary(g), passing: g.passing }));
}

/** The stored group summaries, best average first. */
export async function readGroupSummaries(db: Knex): Promise<GroupSummary[]> {
  const rows = await db(GROUPS)
    .select('*')
    .orderByRaw('average_score DESC NULLS LAST, group_ref ASC');
  return rows.map(toGroupSummary);
}
