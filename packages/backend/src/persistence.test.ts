import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  api,
  BackendProcess,
  databasesWithPrefix,
  freePort,
  poll,
  startReadyBackend,
  stopBackend,
} from '@internal/backend-test-utils';

// Integration: the real backend, started twice on the real PostgreSQL that `scripts/portal test`
// provides through POSTGRES_*.
jest.setTimeout(300_000);

// Ports are picked free at start, so several checkouts can run this at once.
let PORT = 0;
let FILE_PORT = 0;
let baseUrl = '';
const prefix = `restart_${Date.now().toString(36)}_`;

function start() {
  return startReadyBackend({
    port: PORT,
    env: {
      APP_CONFIG_backend_database_prefix: prefix,
      APP_CONFIG_backend_reading_allow: JSON.stringify([
        { host: `localhost:${FILE_PORT}` },
      ]),
      APP_CONFIG_catalog_locations: '[]',
    },
  });
}

async function getEntity(token: string, name: string) {
  return api(
    baseUrl,
    token,
    `/api/catalog/entities/by-name/component/default/${name}`,
  );
}

describe('backend on PostgreSQL', () => {
  let backend: BackendProcess | undefined;
  let files: http.Server;

  beforeAll(async () => {
    files = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: restart-probe
spec:
  type: service
  lifecycle: experimental
  owner: group:default/platform
`);
    });
    await new Promise<void>(r => files.listen(0, '127.0.0.1', r));
    FILE_PORT = (files.address() as AddressInfo).port;
    PORT = await freePort();
    baseUrl = `http://localhost:${PORT}`;
  });

  afterAll(async () => {
    if (backend) await stopBackend(backend);
    await new Promise(r => files.close(r));
  });

  it('gives every plugin its own database and keeps a registered entity across a restart', async () => {
    let token: string;
    ({ backend, token } = await start());

    const databases = (await databasesWithPrefix(prefix))
      .map(name => name.slice(prefix.length))
      .sort();
    expect(databases).toEqual(
      expect.arrayContaining([
        'app',
        'auth',
        'catalog',
        'notifications',
        'scaffolder',
        'search',
        'user-settings',
      ]),
    );

    const created = await api(baseUrl, token, '/api/catalog/locations', {
      method: 'POST',
      body: JSON.stringify({
        type: 'url',
        target: `http://localhost:${FILE_PORT}/catalog-info.yaml`,
      }),
    });
    expect(created.status).toBe(201);
    // Registration stores the entity for processing; wait until it is served.
    await poll(
      'restart-probe to be served',
      async () => (await getEntity(token, 'restart-probe')).status === 200,
      60_000,
    );

    await stopBackend(backend);
    ({ backend, token } = await start());

    const after = await getEntity(token, 'restart-probe');
    expect(after.status).toBe(200);
    expect((await after.json()).spec.owner).toBe('group:default/platform');
  });
});
