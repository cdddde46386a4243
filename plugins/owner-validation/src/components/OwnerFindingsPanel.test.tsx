import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import type { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { ownedComponent, renderWithApis } from '../__testUtils__/ownerFixtures';
import { mockStoredOwnerFinding } from '@internal/plugin-owner-validation-common/testUtils';
import { ownerValidationApiRef } from '../api';
import { OwnerFindingsPanel } from './OwnerFindingsPanel';

const entity = ownedComponent('orphan', 'user:default/bob');
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
        findings: findings ? [mockStoredOwnerFinding('orphan')] : [],
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
  await renderWithApis(
    <OwnerFindingsPanel targets={['http://example.com/catalog-info.yaml']} />,
    [
      [catalogApiRef, mocks.catalogApi],
      [ownerValidationApiRef, mocks.ownerApi],
    ],
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
