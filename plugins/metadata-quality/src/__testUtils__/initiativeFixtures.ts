import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
  Initiative,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';

/** A running initiative as the API serves it, for the component tests. */
export const initiative: Initiative = {
  id: 5,
  title: 'On-call links',
  description: 'Every production service links its on-call rota.',
  ruleIds: ['has-techdocs'],
  rules: [
    {
      id: 'has-an-on-call-link',
      title: 'Has an on-call link',
      check: { type: 'linkPresent' },
      weight: 1,
      howToFix: 'Has an on-call link',
    },
  ],
  target: { kinds: ['Component'] },
  startsAt: '2026-01-01T00:00:00.000Z',
  deadline: '2026-03-01T23:59:59.999Z',
  createdBy: 'user:default/root',
  createdAt: '2025-12-20T00:00:00.000Z',
  updatedAt: '2025-12-20T00:00:00.000Z',
  evaluatedAt: '2026-02-17T10:00:00.000Z',
  status: 'running',
  daysLeft: 12,
  progress: { targeted: 2, passing: 1 },
};

/** The client's initiative routes answering with {@link initiative}. */
export function initiativesApi(overrides: Record<string, unknown> = {}) {
  return {
    getRules: async () => ({ rules: DEFAULT_RULES, levels: DEFAULT_LEVELS }),
    listInitiatives: jest.fn(async () => ({ items: [initiative] })),
    createInitiative: jest.fn(async () => initiative),
    getInitiative: jest.fn(async () => ({
      ...initiative,
      teams: [
        {
          ownerRef: 'group:default/web',
          title: 'Web Team',
          targeted: 1,
          passing: 0,
        },
        {
          ownerRef: 'group:default/payments',
          title: 'Payments Team',
          targeted: 1,
          passing: 1,
        },
      ],
    })),
    listInitiativeFailing: jest.fn(async () => ({
      totalItems: 1,
      items: [
        {
          entityRef: 'component:default/storefront',
          kind: 'Component',
          namespace: 'default',
          name: 'storefront',
          title: 'Storefront',
          ownerRef: 'group:default/web',
          failingRules: ['has-techdocs', 'has-an-on-call-link'],
        },
      ],
    })),
    getInitiativeHistory: jest.fn(async () => ({
      items: [
        { day: '2026-02-16', targeted: 2, passing: 0 },
        { day: '2026-02-17', targeted: 2, passing: 1 },
      ],
    })),
    ...overrides,
  } as unknown as MetadataQualityClient;
}
