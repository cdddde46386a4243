import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { RemoteChanges } from './RemoteChanges';

const FILE =
  'kind: Component\nmetadata:\n  name: parcels\nspec:\n  owner: someone\n';
// A second file of the same repository: a handover changes every file of a repository in one request.
const API_FILE =
  'kind: API\nmetadata:\n  name: parcels-api\nspec:\n  owner: someone\n';
const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Seen {
  method: string;
  url: string;
  auth?: string;
  body: any;
}

/** A local stand-in for the GitHub or GitLab REST API: a real HTTP server answering each route. */
async function standIn(
  routes: Record<string, (body: any) => unknown>,
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      const auth = (req.headers.authorization ??
        req.headers['private-token']) as string | undefined;
      seen.push({ method: req.method!, url: req.url!, auth, body });
      const key = `${req.method} ${req.url!.split('?')[0]}`;
      // GitHub's clients encode a ref's slash (`heads%2Fmain`); GitLab's project ids keep theirs.
      const route = routes[key] ?? routes[decodeURIComponent(key)];
      res.setHeader('content-type', 'application/json');
      if (!route) {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: `no stand-in for ${key}` }));
        return;
      }
      res.statusCode =
        req.method === 'POST' || req.method === 'PUT' ? 201 : 200;
      res.end(JSON.stringify(route(body)));
    });
  });
  await new Promise<void>(resolve => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    seen,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/**
 * Reads catalog-info.yaml of `repository` from the stand-in `server` (the GitHub or GitLab
 * integration with `integration`'s settings), expects the stand-in's file, and opens the owner fix
 * of it and of api/catalog-info.yaml (read on the same base unless `apiFileBaseHash` says otherwise).
 */
async function openOwnerFix(
  server: { url: string },
  options: {
    type: 'github' | 'gitlab';
    repository: string;
    integration: Record<string, string>;
    apiFileBaseHash?: string;
  },
) {
  const host = new URL(server.url).host;
  const remote = new RemoteChanges(
    ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          [options.type]: [{ host, ...options.integration }],
        },
      }),
    ),
  );
  const file = {
    type: options.type,
    host,
    repository: options.repository,
    branch: 'main',
    path: 'catalog-info.yaml',
  };
  const base = await remote.read(file);
  expect(base).toEqual({
    content: FILE,
    baseHash: 'b10b',
    baseCommit: 'c0ffee',
  });
  const apiFileBase = options.apiFileBaseHash
    ? { ...base, baseHash: options.apiFileBaseHash }
    : base;
  return remote.open({
    files: [
      { file, base, content: FILE.replace('someone', 'logistics') },
      {
        file: { ...file, path: 'api/catalog-info.yaml' },
        base: apiFileBase,
        content: API_FILE.replace('someone', 'logistics'),
      },
    ],
    branch: 'catalog-fixes/parcels-owner-1',
    title: 'parcels: set spec.owner to logistics',
    body: 'Proposed in Lighthouse',
  });
}

describe('RemoteChanges', () => {
  it('opens a GitHub pull request: branch from the head, each file updated on its blob, the pull request', async () => {
    const server = await standIn({
      'GET /api/v3/repos/acme/parcels/git/ref/heads/main': () => ({
        ref: 'refs/heads/main',
        object: { sha: 'c0ffee', type: 'commit' },
      }),
      'GET /api/v3/repos/acme/parcels/contents/catalog-info.yaml': () => ({
        type: 'file',
        sha: 'b10b',
        content: b64(FILE),
        encoding: 'base64',
      }),
      'POST /api/v3/repos/acme/parcels/git/refs': () => ({}),
      'PUT /api/v3/repos/acme/parcels/contents/catalog-info.yaml': () => ({
        commit: { sha: 'f1x' },
      }),
      'PUT /api/v3/repos/acme/parcels/contents/api/catalog-info.yaml': () => ({
        commit: { sha: 'f2x' },
      }),
      'POST /api/v3/repos/acme/parcels/pulls': () => ({
        html_url: 'https://github.example/acme/parcels/pull/7',
      }),
    });
    try {
      const opened = await openOwnerFix(server, {
        type: 'github',
        repository: 'acme/parcels',
        integration: { apiBaseUrl: `${server.url}/api/v3`, token: 'gh-token' },
        // The second file was read on a blob of its own.
        apiFileBaseHash: 'a91',
      });
      // The head is the commit of the last file.
      expect(opened).toEqual({
        url: 'https://github.example/acme/parcels/pull/7',
        headCommit: 'f2x',
      });
      const writes = server.seen.filter(s => s.method !== 'GET');
      expect(writes.map(s => [s.method, s.url, s.body])).toEqual([
        [
          'POST',
          '/api/v3/repos/acme/parcels/git/refs',
          { ref: 'refs/heads/catalog-fixes/parcels-owner-1', sha: 'c0ffee' },
        ],
        [
          'PUT',
          '/api/v3/repos/acme/parcels/contents/catalog-info.yaml',
          {
            branch: 'catalog-fixes/parcels-owner-1',
            message: 'parcels: set spec.owner to logistics',
            content: b64(FILE.replace('someone', 'logistics')),
            sha: 'b10b',
          },
        ],
        [
          'PUT',
          '/api/v3/repos/acme/parcels/contents/api%2Fcatalog-info.yaml',
          {
            branch: 'catalog-fixes/parcels-owner-1',
            message: 'parcels: set spec.owner to logistics',
            content: b64(API_FILE.replace('someone', 'logistics')),
            sha: 'a91',
          },
        ],
        [
          'POST',
          '/api/v3/repos/acme/parcels/pulls',
          {
            title: 'parcels: set spec.owner to logistics',
            body: 'Proposed in Lighthouse',
            head: 'catalog-fixes/parcels-owner-1',
            base: 'main',
          },
        ],
      ]);
      expect(server.seen.every(s => s.auth === 'token gh-token')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('opens a GitLab merge request: one commit of every file on a new branch from the head, then the merge request', async () => {
    const project = encodeURIComponent('acme/logistics/parcels');
    const server = await standIn({
      [`GET /api/v4/projects/${project}/repository/files/catalog-info.yaml`]:
        () => ({
          content: b64(FILE),
          blob_id: 'b10b',
          commit_id: 'c0ffee',
        }),
      [`POST /api/v4/projects/${project}/repository/commits`]: () => ({
        id: 'f1x',
      }),
      [`POST /api/v4/projects/${project}/merge_requests`]: () => ({
        web_url:
          'https://gitlab.example/acme/logistics/parcels/-/merge_requests/3',
      }),
    });
    try {
      const opened = await openOwnerFix(server, {
        type: 'gitlab',
        repository: 'acme/logistics/parcels',
        integration: {
          apiBaseUrl: `${server.url}/api/v4`,
          baseUrl: server.url,
          token: 'gl-token',
        },
      });
      expect(opened).toEqual({
        url: 'https://gitlab.example/acme/logistics/parcels/-/merge_requests/3',
        headCommit: 'f1x',
      });
      const [commit, request] = server.seen.filter(s => s.method === 'POST');
      expect(commit.body).toEqual({
        branch: 'catalog-fixes/parcels-owner-1',
        start_sha: 'c0ffee',
        commit_message: 'parcels: set spec.owner to logistics',
        actions: [
          {
            action: 'update',
            file_path: 'catalog-info.yaml',
            content: FILE.replace('someone', 'logistics'),
            last_commit_id: 'c0ffee',
          },
          {
            action: 'update',
            file_path: 'api/catalog-info.yaml',
            content: API_FILE.replace('someone', 'logistics'),
            last_commit_id: 'c0ffee',
          },
        ],
      });
      expect(request.body).toMatchObject({
        source_branch: 'catalog-fixes/parcels-owner-1',
        target_branch: 'main',
      });
      expect(server.seen.every(s => /gl-token$/.test(s.auth ?? ''))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
