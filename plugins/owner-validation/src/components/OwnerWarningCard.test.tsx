import { EntityProvider } from '@backstage/plugin-catalog-react';
import { mockResponseError } from '@internal/openapi-client/testUtils';
import { screen } from '@testing-library/react';
import type { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { catalogFixesApiRef } from '@internal/plugin-catalog-fixes-react';
import { mockHandover } from '@internal/plugin-catalog-fixes-react/testUtils';
import type { CatalogFixesClient } from '@internal/plugin-catalog-fixes-common';
import { ownedComponent, renderWithApis } from '../__testUtils__/ownerFixtures';
import { mockStoredOwnerFinding } from '@internal/plugin-owner-validation-common/testUtils';
import { ownerValidationApiRef } from '../api';
import { OwnerWarningCard } from './OwnerWarningCard';
import { OwnershipPage } from './OwnershipPage';

const entity = ownedComponent('legacy', 'user:bob');

const finding = mockStoredOwnerFinding('legacy', { owner: 'user:bob' });

/** The warning card of {@link entity}, with the owner findings `api` serves. */
function renderCard(api: OwnerValidationClient) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <OwnerWarningCard />
    </EntityProvider>,
    [[ownerValidationApiRef, api]],
  );
}

function mockApi(findings = [finding]): OwnerValidationClient {
  const api: Partial<OwnerValidationClient> = {
    getEntityFindings: jest.fn(async () => ({
      entityRef: 'component:default/legacy',
      findings,
    })),
    listFindings: jest.fn(async () => ({
      items: findings,
      totalCount: findings.length,
      limit: 1000,
      offset: 0,
    })),
    getSummary: jest.fn(async () => ({
      total: findings.length,
      byType: { departedUser: findings.length },
      bySeverity: { error: findings.length },
      byKind: { Component: findings.length },
      byTeam: [],
    })),
    checkEntities: jest.fn(async () => ({ items: [] })),
  };
  return api as OwnerValidationClient;
}

describe('OwnerWarningCard', () => {
  it('names the problem and the suggested owner', async () => {
    await renderCard(mockApi());
    expect(
      await screen.findByText('Error: Owner has left'),
    ).toBeInTheDocument();
    expect(screen.getByText(/has left\./)).toBeInTheDocument();
    // The owner by name, linked, not as the raw ref of the server's message.
    expect(screen.getByRole('link', { name: 'bob' })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
    expect(screen.queryByText(/user:default\/bob/)).not.toBeInTheDocument();
    expect(screen.getByText('payments')).toBeInTheDocument();
  });

  it('links an owner the catalog refused to the catalog problem', async () => {
    await renderCard(
      mockApi([
        {
          ...finding,
          type: 'ownerRefused',
          ownerRef: 'group:default/tooling',
          message:
            "Owner 'group:default/tooling' is not in the catalog because the catalog refused its definition in https://git.example/org.yaml",
          suggestedOwner: undefined,
        },
      ]),
    );
    expect(
      await screen.findByText('Error: Owner refused by the catalog'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See why the catalog refused it' }),
    ).toHaveAttribute('href', '/catalog-problems?q=group%3Adefault%2Ftooling');
  });

  it('renders nothing without findings', async () => {
    const api = mockApi([]);
    await renderCard(api);
    expect(api.getEntityFindings).toHaveBeenCalledWith({
      params: {
        path: { kind: 'Component', namespace: 'default', name: 'legacy' },
      },
    });
    expect(screen.queryByText(/Owner has left/)).not.toBeInTheDocument();
  });
});

/** The catalog-fixes API with one open handover. */
const fixesApi = {
  listHandovers: async () => ({
    items: [
      mockHandover({
        id: 1,
        progress: {
          total: 2,
          handedOver: 1,
          pending: 0,
          openChangeRequests: 1,
          mergedChangeRequests: 1,
        },
      }),
    ],
  }),
} as unknown as CatalogFixesClient;

describe('OwnershipPage', () => {
  it('groups problems by team with counts, below the open handovers', async () => {
    await renderWithApis(<OwnershipPage />, [
      [ownerValidationApiRef, mockApi()],
      [catalogFixesApiRef, fixesApi],
    ]);
    expect(
      await screen.findByRole('heading', { name: 'payments (1)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 open')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Metadata quality counts the errors and the persons as owners/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Owner has left: 1')).toBeInTheDocument();
    // Details names the owner, linked, instead of the message's raw ref.
    expect(screen.getByRole('link', { name: 'bob' })).toBeInTheDocument();
    expect(screen.queryByText(/user:default\/bob/)).not.toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Open handover 1' }),
    ).toHaveAttribute('href', '/ownership/handovers/1');
    expect(screen.getByText('1 of 2 entities handed over')).toBeInTheDocument();
    expect(
      screen.getByText('2 change requests: 1 open, 1 merged'),
    ).toBeInTheDocument();
  });

  it('says the user is not allowed on a 403', async () => {
    const api = mockApi();
    const forbidden = await mockResponseError(
      403,
      'NotAllowedError',
      'Not allowed to read owner findings',
    );
    api.getSummary = jest.fn(async () => {
      throw forbidden;
    });
    await renderWithApis(<OwnershipPage />, [
      [ownerValidationApiRef, api],
      [catalogFixesApiRef, fixesApi],
    ]);
    expect(
      await screen.findByText(/You are not allowed to see owner findings/),
    ).toBeInTheDocument();
  });
});
