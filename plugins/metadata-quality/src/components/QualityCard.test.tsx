import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
  EntityScore,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';
import { mockResponseError } from '@internal/openapi-client/testUtils';
import { fireEvent, screen } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { QualityCard } from './QualityCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-web', namespace: 'default' },
  spec: { owner: 'web' },
};

/** The backend's answer for an entity without a score. */
const notScored = () => mockResponseError(404, 'NotFoundError', 'No score');

function api(score: EntityScore | undefined) {
  return {
    getRules: async () => ({ rules: DEFAULT_RULES, levels: DEFAULT_LEVELS }),
    getEntityScore: jest.fn(async () => {
      if (!score) throw await notScored();
      return score;
    }),
    // Never confirmed: the backend answers 404.
    getConfirmation: jest.fn(async () => {
      throw await notScored();
    }),
  } as unknown as MetadataQualityClient;
}

/** checkout-web's score as the backend stores it, with the given parts. */
const checkoutScore = (
  parts: Pick<EntityScore, 'score' | 'level' | 'failingRules' | 'results'>,
): EntityScore => ({
  entityRef: 'component:default/checkout-web',
  kind: 'Component',
  namespace: 'default',
  name: 'checkout-web',
  ...parts,
  evaluatedAt: '2026-11-27T00:00:00Z',
  changedAt: '2026-11-27T00:00:00Z',
});

/** The TechDocs check, failing. */
const noTechDocs = {
  ruleId: 'has-techdocs',
  passed: false,
  weight: 2,
  message: 'Annotation backstage.io/techdocs-ref is missing',
};

/** The card on checkout-web's page, with `mock` as the quality API. */
const renderCard = (mock: MetadataQualityClient) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <QualityCard />
    </EntityProvider>,
    { apis: [[metadataQualityApiRef, mock]] },
  );

describe('QualityCard', () => {
  it('shows the score, level and failing checks with how to fix them', async () => {
    const mock = api(
      checkoutScore({
        score: 80,
        level: 'Silver',
        failingRules: ['has-techdocs'],
        results: [{ ruleId: 'has-owner', passed: true, weight: 8 }, noTechDocs],
      }),
    );
    await renderCard(mock);
    expect(await screen.findByText('Score 80')).toBeInTheDocument();
    expect(screen.getByText('Silver')).toBeInTheDocument();
    expect(screen.getByText('Has TechDocs')).toBeInTheDocument();
    expect(
      screen.getByText('Annotation backstage.io/techdocs-ref is missing'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 checks pass')).toBeInTheDocument();
    expect(
      await screen.findByText('Not confirmed by its owners yet.'),
    ).toBeInTheDocument();
    expect(mock.getEntityScore).toHaveBeenCalledWith({
      params: {
        path: { kind: 'Component', namespace: 'default', name: 'checkout-web' },
      },
    });
  });

  it('says when an entity is not scored', async () => {
    await renderCard(api(undefined));
    expect(await screen.findByText(/Not scored/)).toBeInTheDocument();
  });

  it('says the user is not allowed on a 403', async () => {
    const forbidden = await mockResponseError(
      403,
      'NotAllowedError',
      'Not allowed to read metadata quality',
    );
    const mock = {
      getRules: async () => ({ rules: DEFAULT_RULES, levels: DEFAULT_LEVELS }),
      getEntityScore: async () => {
        throw forbidden;
      },
    } as unknown as MetadataQualityClient;
    await renderCard(mock);
    expect(
      await screen.findByText(/You are not allowed to see metadata quality/),
    ).toBeInTheDocument();
  });

  it('confirms the metadata with "Still correct" and reloads the score', async () => {
    const mock = api(
      checkoutScore({
        score: 100,
        level: 'Gold',
        failingRules: [],
        results: [{ ruleId: 'has-owner', passed: true, weight: 8 }],
      }),
    );
    const confirmEntity = jest.fn(async () => ({
      entityRef: 'component:default/checkout-web',
      ownerRef: 'group:default/web',
      confirmedBy: 'user:default/alice',
      confirmedAt: '2026-12-01T09:00:00.000Z',
    }));
    const getConfirmation = jest.fn(async () => {
      if (confirmEntity.mock.calls.length === 0) throw await notScored();
      return confirmEntity();
    });
    Object.assign(mock, { confirmEntity, getConfirmation });
    await renderCard(mock);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Still correct' }),
    );
    expect(confirmEntity).toHaveBeenCalledWith({
      params: {
        path: { kind: 'Component', namespace: 'default', name: 'checkout-web' },
      },
    });
    await screen.findByText('Score 100');
    expect(mock.getEntityScore).toHaveBeenCalledTimes(2);
    // Who confirmed and when stays on the card once the score has reloaded.
    expect(
      await screen.findByText(
        'Confirmed by user:default/alice on 2026-12-01 for group:default/web.',
      ),
    ).toBeInTheDocument();
  });

  it('shows an exempt rule as exempt until its end, not as failing', async () => {
    await renderCard(
      api(
        checkoutScore({
          score: 100,
          level: 'Gold',
          failingRules: [],
          results: [
            { ruleId: 'has-owner', passed: true, weight: 8 },
            {
              ...noTechDocs,
              exempt: {
                until: '2026-03-01T23:59:59.999Z',
                reason: 'Docs in the wiki',
              },
            },
          ],
        }),
      ),
    );
    expect(
      await screen.findByText(
        'Has TechDocs: exempt until 2026-03-01: Docs in the wiki',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Failing checks')).not.toBeInTheDocument();
    expect(screen.getByText('1 of 2 checks pass')).toBeInTheDocument();
  });
});
