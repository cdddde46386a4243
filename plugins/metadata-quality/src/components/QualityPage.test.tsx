import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { QualityPage } from './QualityPage';
import { initiative } from '../__testUtils__/initiativeFixtures';
import { rootRouteRef } from '../routes';

const api = {
  listExemptions: async () => ({ items: [] }),
  listInitiatives: async () => ({ items: [initiative] }),
  getRules: async () => ({ rules: DEFAULT_RULES, levels: DEFAULT_LEVELS }),
  getSummary: async () => ({
    entityCount: 2,
    averageScore: 70,
    levels: { Gold: 1, none: 1 },
    buckets: [0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    failingRules: { 'has-techdocs': 2 },
  }),
  getGroupSummaries: jest.fn(async (request?: any) => ({
    items: [
      {
        groupRef: 'group:default/payments',
        title: 'Payments Team',
        entityCount: 2,
        averageScore: 70,
        levels: { Gold: 1, none: 1 },
        ...(request?.params?.query?.initiative ? { passing: 1 } : {}),
      },
    ],
  })),
  getGroupHistory: async () => ({
    groupRef: 'group:default/payments',
    items: [{ day: '2026-11-27', score: 70 }],
  }),
  listEntities: jest.fn(async () => ({
    totalItems: 1,
    items: [
      {
        entityRef: 'component:default/legacy',
        kind: 'Component',
        namespace: 'default',
        name: 'legacy',
        title: 'Legacy Invoicing',
        ownerRef: 'group:default/payments',
        score: 40,
        level: null,
        failingRules: ['has-techdocs'],
        results: [],
        evaluatedAt: '2026-11-27T00:00:00Z',
        changedAt: '2026-11-27T00:00:00Z',
      },
      {
        entityRef: 'component:default/shiny',
        kind: 'Component',
        namespace: 'default',
        name: 'shiny',
        title: 'Shiny Service',
        ownerRef: 'group:default/payments',
        score: 100,
        level: 'Gold',
        failingRules: [],
        results: [],
        evaluatedAt: '2026-11-27T00:00:00Z',
        changedAt: '2026-11-27T00:00:00Z',
      },
    ],
  })),
} as unknown as MetadataQualityClient;

describe('QualityPage', () => {
  it('shows the distribution, leaderboard, worst entities and failing rules', async () => {
    await renderInTestApp(<QualityPage />, {
      apis: [[metadataQualityApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText('Team leaderboard')).toBeInTheDocument();
    expect(screen.getAllByText('Payments Team').length).toBeGreaterThan(0);
    expect(
      screen.getByText(/2 entities, average score 70/),
    ).toBeInTheDocument();
    // Levels from the lowest up.
    expect(
      screen.getByText(/No level: 1, Bronze: 0, Silver: 0, Gold: 1\./),
    ).toBeInTheDocument();
    // One day of history is still readable.
    expect(
      await screen.findByText(/One day of history so far: 70 on 2026-11-27/),
    ).toBeInTheDocument();
    // The worst entities by title, with the failing checks' titles; a Gold entity is not among them.
    expect(await screen.findByText('Legacy Invoicing')).toBeInTheDocument();
    expect(screen.queryByText('Shiny Service')).not.toBeInTheDocument();
    expect(screen.getAllByText('Has TechDocs').length).toBeGreaterThan(0);
    expect(screen.getByText('Failing rules')).toBeInTheDocument();
    expect(api.listEntities).toHaveBeenCalledWith({
      params: {
        query: expect.objectContaining({ orderBy: 'score', order: 'asc' }),
      },
    });
  });

  it('narrows the leaderboard and the worst entities to the initiative in the URL', async () => {
    await renderInTestApp(<QualityPage />, {
      apis: [[metadataQualityApiRef, api]],
      mountedRoutes: {
        '/quality': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      initialRouteEntries: ['/quality?initiative=5'],
    });
    expect(
      await screen.findByText('Passing the initiative'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    expect(screen.getByText('On-call links')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Initiatives' })).toHaveAttribute(
      'href',
      '/quality/initiatives',
    );
    expect(api.getGroupSummaries).toHaveBeenCalledWith({
      params: { query: { initiative: 5 } },
    });
    expect(api.listEntities).toHaveBeenCalledWith({
      params: { query: expect.objectContaining({ initiative: 5 }) },
    });
  });
});
