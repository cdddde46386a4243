import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type {
  CatalogProblemsClient,
  ProcessingProblem,
} from '@internal/plugin-catalog-problems-common';
import { catalogProblemsApiRef } from '../api';
import { CatalogProblemsPage } from './CatalogProblemsPage';

function render(
  partial: Partial<CatalogProblemsClient>,
  options?: { initialRouteEntries?: string[] },
) {
  const api = {
    listProcessingProblems: jest.fn(),
    unregisterLocation: jest.fn(),
    ...partial,
  } as Partial<CatalogProblemsClient> as CatalogProblemsClient;
  return renderInTestApp(
    <TestApiProvider apis={[[catalogProblemsApiRef, api]]}>
      <CatalogProblemsPage />
    </TestApiProvider>,
    options,
  );
}

const problem = (i: number): ProcessingProblem => ({
  entityRef: `component:default/broken-${i}`,
  file: `url:https://git.example/broken-${i}.yaml`,
  errors: [{ name: 'Error', message: `problem ${i}` }],
  ingested: false,
});

describe('CatalogProblemsPage', () => {
  it('shows the file each error names, and hostile names as plain text', async () => {
    await render({
      listProcessingProblems: async () => ({
        totalItems: 2,
        items: [
          {
            file: 'url:https://git.example/broken.yaml',
            location: 'url:https://git.example/all.yaml',
            errors: [
              {
                name: 'InputError',
                message:
                  'url:https://git.example/broken.yaml: the document is not valid YAML: Tabs are not allowed',
              },
            ],
            ingested: false,
          },
          {
            entityRef: 'component:default/<script>alert(1)</script>',
            file: 'url:https://git.example/script.yaml',
            location: 'url:https://git.example/script.yaml',
            errors: [
              { name: 'Error', message: '"metadata.name" is not valid' },
            ],
            ingested: false,
          },
        ],
      }),
    });
    expect(await screen.findByText('Catalog problems (2)')).toBeInTheDocument();
    expect(
      screen.getByText('https://git.example/broken.yaml'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('https://git.example/script.yaml'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/<script>alert(1)</script>'),
    ).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('none read from the file')).toBeInTheDocument();
  });

  it('shows no empty padding rows, and pages only past 20 problems', async () => {
    await render({
      listProcessingProblems: async () => ({
        totalItems: 3,
        items: [1, 2, 3].map(problem),
      }),
    });
    await screen.findByText('Catalog problems (3)');
    // The header row and one row per problem: nothing to fill a page.
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByText(/rows/)).not.toBeInTheDocument();
  });

  it('filters by the q parameter, so other pages can link to one problem', async () => {
    await render(
      {
        listProcessingProblems: async () => ({
          totalItems: 3,
          items: [1, 2, 3].map(problem),
        }),
      },
      { initialRouteEntries: ['/?q=broken-2'] },
    );
    expect(await screen.findByText('problem 2')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByText('problem 1')).not.toBeInTheDocument(),
    );
  });

  it('unregisters a registration after asking, and shows why when it may not', async () => {
    const unregisterLocation = jest
      .fn()
      .mockRejectedValueOnce(
        Object.assign(new Error('Request failed with 403 Forbidden'), {
          body: {
            error: {
              message:
                'You can unregister it only if you own everything it brought in',
            },
          },
        }),
      )
      .mockResolvedValueOnce(undefined);
    const listProcessingProblems = jest.fn(async () => ({
      totalItems: 1,
      items: [
        {
          ...problem(1),
          originLocation: 'url:https://git.example/all.yaml',
          originLocationId: 'abc',
        },
      ],
    }));
    await render({ listProcessingProblems, unregisterLocation });
    fireEvent.click(await screen.findByRole('button', { name: 'Unregister' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('https://git.example/all.yaml');
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Unregister' }).at(-1)!,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'only if you own everything it brought in',
    );
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Unregister' }).at(-1)!,
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Unregistered https://git.example/all.yaml.',
    );
    expect(unregisterLocation).toHaveBeenCalledWith({
      params: { path: { id: 'abc' } },
    });
    expect(listProcessingProblems).toHaveBeenCalledWith({
      params: { query: { limit: 1000 } },
    });
    expect(listProcessingProblems).toHaveBeenCalledTimes(2);
  });

  it('says so when reading problems is not allowed', async () => {
    const error = Object.assign(
      new Error('Reading catalog processing problems needs the permission'),
      {
        name: 'NotAllowedError',
      },
    );
    await render({
      listProcessingProblems: async () => {
        throw error;
      },
    });
    expect(
      (await screen.findAllByText(/needs the permission/))[0],
    ).toBeInTheDocument();
  });

  it('says when there is nothing to fix', async () => {
    await render({
      listProcessingProblems: async () => ({ items: [], totalItems: 0 }),
    });
    expect(
      await screen.findByText(
        'No problems: every registered file was ingested.',
      ),
    ).toBeInTheDocument();
  });
});
