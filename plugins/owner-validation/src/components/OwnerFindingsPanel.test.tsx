import { Entity } from '@backstage/catalog-model';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import type { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { ownerValidationApiRef } from '../api';
import { OwnerFindingsPanel } from './OwnerFindingsPanel';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orphan', namespace: 'default' },
  spec: { owner: 'user:default/bob' },
};
const location: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'generated' },
  spec: { target: 'http://example.com/catalog-info.yaml' },
};

function setup(findings: boolean) {
  const catalogApi = catalogApiMock.mock({
    addLocation: jest.fn(async () => ({
      location: {
        id: '',
        type: 'url',
        target: 'http://example.com/catalog-info.yaml',
        entityRef: 'location:default/generated',
      },
      entities: [location, entity],
      exists: false,
    })),
  });
  const checkEntities = jest.fn(async () => ({
    items: [
      {
        entityRef: 'component:default/orphan',
        findings: findings
          ? [
              {
                entityRef: 'component:default/orphan',
                kind: 'Component',
                namespace: 'default',
                name: 'orphan',
                type: 'departedUser' as const,
                severity: 'error' as const,
                message: "Owner 'user:default/bob' has left",
                suggestedOwner: 'group:default/payments',
              },
            ]
          : [],
      },
    ],
  }));
  const ownerApi = {
    checkEntities,
  } as Partial<OwnerValidationClient> as OwnerValidationClient;
  return { catalogApi, checkEntities, ownerApi };
}

/** The panel of an import of one file whose entity has (or has not) a departed owner. */
async function renderPanel(departed: boolean) {
  const mocks = setup(departed);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, mocks.catalogApi],
        [ownerValidationApiRef, mocks.ownerApi],
      ]}
    >
      <OwnerFindingsPanel targets={['http://example.com/catalog-info.yaml']} />
    </TestApiProvider>,
    { mountedRoutes },
  );
  return mocks;
}

describe('OwnerFindingsPanel', () => {
  it('checks the dry-run entities and shows their findings', async () => {
    const { catalogApi, checkEntities } = await renderPanel(true);
    expect(
      await screen.findByText(
        'Error: Owner has left: component:default/orphan',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/has left\./)).toBeInTheDocument();
    expect(screen.getByText('payments')).toBeInTheDocument();
    expect(catalogApi.addLocation).toHaveBeenCalledWith({
      type: 'url',
      target: 'http://example.com/catalog-info.yaml',
      dryRun: true,
    });
    expect(checkEntities).toHaveBeenCalledWith({
      body: { entities: [entity] },
    });
  });

  it('renders nothing when every owner is fine', async () => {
    const { checkEntities } = await renderPanel(false);
    await waitFor(() => expect(checkEntities).toHaveBeenCalled());
    expect(screen.queryByText(/Owner has left/)).not.toBeInTheDocument();
  });
});
