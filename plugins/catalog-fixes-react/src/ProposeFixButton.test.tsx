import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CatalogFixesClient } from '@internal/plugin-catalog-fixes-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { catalogFixesApiRef } from './api';
import { ProposeFixButton } from './ProposeFixButton';

const diff = [
  '--- a/catalog-info.yaml',
  '+++ b/catalog-info.yaml',
  '@@ -6,3 +6,3 @@',
  ' spec:',
  '-  owner: user:default/martin.keller',
  '+  owner: logistics',
  '',
].join('\n');

const preview = (target: object) => ({
  entityRef: 'component:default/parcels',
  fix: { type: 'owner' },
  title: 'parcels: set spec.owner to logistics',
  path: 'catalog-info.yaml',
  diff,
  baseHash: 'abc',
  target,
});

/** Renders the button for parcels' owner with the catalog fixes `api` and clicks it. */
async function openDialog(
  api: Partial<Record<keyof CatalogFixesClient, unknown>>,
) {
  await renderInTestApp(
    <ProposeFixButton
      entityRef="component:default/parcels"
      fix={{ type: 'owner' }}
    />,
    { apis: [[catalogFixesApiRef, api as unknown as CatalogFixesClient]] },
  );
  fireEvent.click(screen.getByRole('button', { name: 'Propose fix' }));
}

describe('ProposeFixButton', () => {
  it('shows the exact diff and opens the change request on confirm', async () => {
    const api = {
      previewFix: jest.fn(async () =>
        preview({ type: 'local-git', canOpen: true, repository: 'parcels' }),
      ),
      proposeFix: jest.fn(async () => ({ id: 4, provider: 'local-git' })),
    };
    await openDialog(api);
    const shown = await screen.findByLabelText('Diff');
    expect(shown.textContent).toBe(
      diff.replace(/\n$/, '').split('\n').join(''),
    );
    expect(
      screen.getByText(/a change request in the repository parcels/),
    ).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Open change request' }),
    );
    await waitFor(() =>
      expect(api.proposeFix).toHaveBeenCalledWith({
        body: {
          entityRef: 'component:default/parcels',
          fix: { type: 'owner' },
          baseHash: 'abc',
        },
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Change request #4 opened.',
    );
  });

  it('offers the diff to copy or download, with the reason, for a file location', async () => {
    const api = {
      previewFix: jest.fn(async () =>
        preview({
          type: 'file',
          canOpen: false,
          reason: 'The entity is read from a file on the portal host',
        }),
      ),
      proposeFix: jest.fn(),
    };
    await openDialog(api);
    expect(
      await screen.findByText(
        'The entity is read from a file on the portal host',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download diff' })).toHaveAttribute(
      'download',
      'parcels-catalog-info.diff',
    );
    expect(
      screen.getByRole('button', { name: 'Copy diff' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Open change request' }),
    ).not.toBeInTheDocument();
  });
});
