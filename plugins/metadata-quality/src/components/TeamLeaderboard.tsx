import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  GroupSummary,
  QualityLevel,
} from '@internal/plugin-metadata-quality-common';

/** "No level: 1, Bronze: 2, Silver: 3, Gold: 4": counts from the lowest level up, zeros left out. */
function levelCounts(
  counts: Record<string, number>,
  levels: QualityLevel[],
): string {
  return [
    ['No level', counts.none] as const,
    ...levels.map(l => [l.name, counts[l.name]] as const),
  ]
    .filter(([, n]) => n)
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ');
}

const PAGE_SIZE = 10;

function groupColumns(
  levels: QualityLevel[],
  initiative?: string,
): TableColumn<GroupSummary & { rank: number }>[] {
  const passing: TableColumn<GroupSummary & { rank: number }>[] = initiative
    ? [
        {
          title: 'Passing the initiative',
          render: g => `${g.passing ?? 0} of ${g.entityCount}`,
        },
      ]
    : [];
  return [
    { title: '#', field: 'rank', width: '40px' },
    {
      title: 'Team',
      render: g => (
        <EntityRefLink entityRef={g.groupRef} title={g.title ?? undefined} />
      ),
    },
    { title: 'Average score', render: g => g.averageScore ?? '–' },
    ...passing,
    { title: 'Entities', field: 'entityCount' },
    { title: 'Levels', render: g => levelCounts(g.levels, levels) },
  ];
}

/** Teams that own scored entities, in the order the backend ranks them (best average first). */
export const TeamLeaderboard = ({
  groups,
  levels,
  initiative,
}: {
  groups: GroupSummary[];
  /** Lowest first. */
  levels: QualityLevel[];
  /** The title of the initiative `groups` are narrowed to, if any. */
  initiative?: string;
}) => {
  const ranked = groups
    .filter(g => g.entityCount > 0)
    .map((g, i) => ({ ...g, rank: i + 1 }));
  return (
    <Table
      title="Team leaderboard"
      subtitle={
        initiative
          ? `The entities of "${initiative}" a team and its child teams own, the largest share passing first`
          : 'Average score of the entities a team and its child teams own'
      }
      // A page of teams at a time: at a few hundred teams, every row at once took the page seconds
      // to draw, and the worst entities below it waited.
      options={{
        paging: ranked.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        pageSizeOptions: [PAGE_SIZE, 25, 50],
        search: false,
      }}
      columns={groupColumns(levels, initiative)}
      data={ranked}
    />
  );
};
