import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { componentEntity } from '@internal/backend-test-utils';
import { blobHash, resolveSource } from './sources';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 't' }],
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
          token: 't',
        },
      ],
    },
  }),
);
const at = (location: string) =>
  resolveSource(
    componentEntity(
      'parcels',
      {},
      { annotations: { 'backstage.io/managed-by-location': location } },
    ),
    {
      integrations,
      locateLocalGit: file =>
        file.startsWith('/repos/checkouts/parcels/')
          ? {
              repository: 'parcels',
              path: file.slice('/repos/checkouts/parcels/'.length),
            }
          : undefined,
    },
  );

describe('resolveSource', () => {
  it('knows a golden path repository, GitHub, GitLab, a file and an unknown host', () => {
    expect(at('file:/repos/checkouts/parcels/catalog-info.yaml')).toMatchObject(
      {
        type: 'local-git',
        repository: 'parcels',
        path: 'catalog-info.yaml',
      },
    );
    expect(
      at('url:https://github.com/acme/parcels/blob/main/svc/catalog-info.yaml'),
    ).toMatchObject({
      type: 'github',
      repository: 'acme/parcels',
      branch: 'main',
      path: 'svc/catalog-info.yaml',
    });
    expect(
      at(
        'url:https://gitlab.example.com/acme/logistics/parcels/-/blob/trunk/catalog-info.yaml',
      ),
    ).toMatchObject({
      type: 'gitlab',
      repository: 'acme/logistics/parcels',
      branch: 'trunk',
      path: 'catalog-info.yaml',
    });
    const file = at('file:/srv/portal/examples/components.yaml');
    expect(file).toMatchObject({
      type: 'file',
      path: 'examples/components.yaml',
    });
    expect(
      JSON.stringify(file && 'reason' in file ? file.reason : ''),
    ).not.toContain('/srv');
    expect(
      at('url:https://bitbucket.example/x/catalog-info.yaml'),
    ).toMatchObject({
      type: 'url',
      reason: expect.stringContaining(
        'No GitHub or GitLab integration is configured for bitbucket.example',
      ),
    });
  });

  it('hashes a file as git does', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobHash('hello\n')).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
  });
});
