import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DEFAULT_LEVELS } from '@internal/plugin-metadata-quality-common';
import { screen } from '@testing-library/react';
import { TeamLeaderboard } from './TeamLeaderboard';

const team = (i: number) => ({
  groupRef: `group:default/team-${i}`,
  title: `Team ${i}`,
  entityCount: 3,
  averageScore: 90 - i,
  levels: { Gold: 3 },
});

const render = (count: number) =>
  renderInTestApp(
    <TeamLeaderboard
      groups={Array.from({ length: count }, (_, i) => team(i + 1))}
      levels={DEFAULT_LEVELS}
    />,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('TeamLeaderboard', () => {
  it('shows the best ten teams first and pages to the rest', async () => {
    await render(25);
    expect(await screen.findByText('Team 1')).toBeInTheDocument();
    expect(screen.getByText('Team 10')).toBeInTheDocument();
    expect(screen.queryByText('Team 11')).not.toBeInTheDocument();
    expect(screen.getAllByText('1-10 of 25').length).toBeGreaterThan(0);
  });

  it('shows every team without paging when they fit on one page', async () => {
    await render(7);
    expect(await screen.findByText('Team 7')).toBeInTheDocument();
    expect(screen.queryAllByText(/of 7$/)).toEqual([]);
  });
});
