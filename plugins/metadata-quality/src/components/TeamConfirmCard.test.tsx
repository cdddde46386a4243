import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { fireEvent, screen } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { TeamConfirmCard } from './TeamConfirmCard';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('TeamConfirmCard', () => {
  it("confirms all of the team's entities and says what it did", async () => {
    const confirmGroupEntities = jest.fn(async () => ({
      confirmed: [
        {
          entityRef: 'component:default/checkout-web',
          ownerRef: 'group:default/web',
          confirmedBy: 'user:default/alice',
          confirmedAt: '2026-12-01T09:00:00.000Z',
        },
      ],
      notAllowed: ['api:default/checkout-api'],
    }));
    await renderInTestApp(
      <EntityProvider entity={team}>
        <TeamConfirmCard />
      </EntityProvider>,
      {
        apis: [
          [
            metadataQualityApiRef,
            { confirmGroupEntities } as unknown as MetadataQualityClient,
          ],
        ],
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm all' }));
    expect(
      await screen.findByText(
        'Confirmed 1 entities; not allowed to confirm 1.',
      ),
    ).toBeInTheDocument();
    expect(confirmGroupEntities).toHaveBeenCalledWith({
      params: { path: { namespace: 'default', name: 'web' } },
    });
  });
});
