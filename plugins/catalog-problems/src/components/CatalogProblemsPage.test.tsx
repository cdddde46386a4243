import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { CatalogProblemsApi, catalogProblemsApiRef } from '../api';
import { CatalogProblemsPage } from './CatalogProblemsPage';

function render(api: CatalogProblemsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[catalogProblemsApiRef, api]]}>
      <CatalogProblemsPage />
    </TestApiProvider>,
  );
}

describe('CatalogProblemsPage', () => {
  it('shows the file each error names, and hostile names as plain text', async () => {
    await render({
      listProblems: async () => ({
        totalItems: 2,
        items: [
          {
            entityRef: 'location:default/generated-1',
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
  });

  it('says so when reading problems is not allowed', async () => {
    const error = Object.assign(
      new Error('Reading catalog processing problems needs the permission'),
      {
        name: 'NotAllowedError',
      },
    );
    await render({
      listProblems: async () => {
        throw error;
      },
    });
    expect(
      (await screen.findAllByText(/needs the permission/))[0],
    ).toBeInTheDocument();
  });

  it('says when there is nothing to fix', async () => {
    await render({ listProblems: async () => ({ items: [], totalItems: 0 }) });
    expect(
      await screen.findByText(
        'No problems: every registered file was ingested.',
      ),
    ).toBeInTheDocument();
  });
});
