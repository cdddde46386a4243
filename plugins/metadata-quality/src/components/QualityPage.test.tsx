import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import { screen } from '@testing-library/react';
import { MetadataQualityApi, metadataQualityApiRef } from '../api';
import { QualityPage } from './QualityPage';

const api = {
  getRules: async () => ({ rules: DEFAULT_RULES, levels: DEFAULT_LEVELS }),
  getSummary: async () => ({
    entityCount: 2,
    averageScore: 70,
    levels: { Gold: 1, none: 1 },
    buckets: [0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    failingRules: { 'has-techdocs': 2 },
  }),
  getGroups: async () => [
    {
      groupRef: 'group:default/payments',
      title: 'Payments Team',
      entityCount: 2,
      averageScore: 70,
      levels: { Gold: 1, none: 1 },
    },
  ],
  getGroupHistory: async () => [{ day: '2026-11-27', score: 70 }],
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
    ],
  })),
} as unknown as MetadataQualityApi;

describe('QualityPage', () => {
  it('shows the distribution, leaderboard, worst entities and failing rules', async () => {
    await renderInTestApp(<QualityPage />, {
      apis: [[metadataQualityApiRef, api]],
    });
    expect(await screen.findByText('Team leaderboard')).toBeInTheDocument();
    expect(screen.getAllByText('Payments Team').length).toBeGreaterThan(0);
    expect(
      screen.getByText(/2 entities, average score 70/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Legacy Invoicing')).toBeInTheDocument();
    expect(screen.getByText('Failing rules')).toBeInTheDocument();
    expect(api.listEntities).toHaveBeenCalledWith(
      expect.objectContaining({ orderBy: 'score', order: 'asc' }),
    );
  });
});
