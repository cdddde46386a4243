import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CatalogFixesClient,
  Handover,
} from '@internal/plugin-catalog-fixes-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { catalogFixesApiRef } from '../api';
import { mockHandover } from '../testUtils';
import { HandoverDetail } from './HandoverDetail';

const handover = (state: 'pending' | 'accepted'): Handover =>
  mockHandover({
    id: 3,
    progress: {
      total: 3,
      handedOver: 0,
      pending: state === 'pending' ? 3 : 1,
      openChangeRequests: state === 'pending' ? 0 : 1,
      mergedChangeRequests: 0,
    },
    entities: [
      ...['parcels', 'depots'].map(name => ({
        entityRef: `component:default/${name}`,
        suggestedTeam: 'group:default/logistics',
        provider: 'local-git' as const,
        repository: 'parcels',
        path: 'catalog-info.yaml',
        state,
      })),
      {
        entityRef: 'component:default/example',
        suggestedTeam: 'group:default/logistics',
        provider: 'file' as const,
        path: 'examples/components.yaml',
        state: 'pending' as const,
      },
    ],
  });

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('HandoverDetail', () => {
  it('accepts the selected entities for another team and links the change requests', async () => {
    const api = {
      getHandover: jest
        .fn()
        .mockResolvedValueOnce(handover('pending'))
        .mockResolvedValue(handover('accepted')),
      acceptHandover: jest.fn(async () => ({
        handover: handover('accepted'),
        changeRequests: [{ id: 8, repository: 'parcels' }],
      })),
    };
    await renderInTestApp(<HandoverDetail id={3} />, {
      apis: [
        [catalogFixesApiRef, api as unknown as CatalogFixesClient],
        [catalogApiRef, catalogApiMock()],
      ],
      mountedRoutes,
    });
    expect(
      await screen.findByText('0 of 3 entities handed over'),
    ).toBeInTheDocument();
    // The entity in a file on the portal host cannot be selected.
    expect(
      screen.queryByRole('checkbox', {
        name: 'Select component:default/example',
      }),
    ).toBeNull();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select component:default/depots' }),
    );
    fireEvent.change(screen.getByLabelText('Another team (optional)'), {
      target: { value: 'platform' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Accept 1 entity' }));
    await waitFor(() =>
      expect(api.acceptHandover).toHaveBeenCalledWith({
        params: { path: { id: 3 } },
        body: { entityRefs: ['component:default/parcels'], team: 'platform' },
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Opened 1 change request, one per repository: #8 in parcels.',
    );
    expect(
      screen.getByRole('link', { name: 'See the change requests' }),
    ).toHaveAttribute('href', '/change-requests');
    expect(
      await screen.findByText('1 change request: 1 open, 0 merged'),
    ).toBeInTheDocument();
  });

  it('says why accepting was refused', async () => {
    const api = {
      getHandover: jest.fn(async () => handover('pending')),
      acceptHandover: jest.fn(async () => {
        throw new Error("'component:default/parcels' is already accepted");
      }),
    };
    await renderInTestApp(<HandoverDetail id={3} />, {
      apis: [
        [catalogFixesApiRef, api as unknown as CatalogFixesClient],
        [catalogApiRef, catalogApiMock()],
      ],
      mountedRoutes,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Accept 2 entities' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "'component:default/parcels' is already accepted",
    );
  });
});
