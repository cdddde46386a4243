import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { freePort } from './freePort.test-helper';
import { postgresConnection } from './backend.test-helper';
import path from 'node:path';
import { Client } from 'pg';

// Integration: the real backend, started twice on the real PostgreSQL that `scripts/portal test`
// provides through POSTGRES_*.
jest.setTimeout(300_000);

// Ports are picked free at start, so several checkouts can run this at once.
let PORT = 0;
let FILE_PORT = 0;
let baseUrl = '';
const prefix = `restart_${Date.now().toString(36)}_`;

function startBackend(): ChildProcess {
  const child = spawn(
    'yarn',
    ['backstage-cli', 'package', 'start', '--config', '../../app-config.yaml'],
    {
      cwd: path.resolve(__dirname, '..'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Jest sets NODE_ENV=test; the backend runs as in local development (guest sign-in).
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(PORT),
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_backend_database_prefix: prefix,
        APP_CONFIG_backend_reading_allow: JSON.stringify([
          { host: `localhost:${FILE_PORT}` },
        ]),
        APP_CONFIG_catalog_locations: '[]',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  child.on('exit', code => {
    if (code && !child.killed) {
      process.stderr.write(
        `backend exited with ${code}:\n${output.slice(-4000)}\n`,
      );
    }
  });
  return child;
}

async function waitForReady() {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`The backend did not become ready on ${baseUrl}`);
}

async function stopBackend(child: ChildProcess) {
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // The dev runner's own children leave with the group; wait for the port to close.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`${baseUrl}/.backstage/health/v1/liveness`);
      await new Promise(r => setTimeout(r, 300));
    } catch {
      return;
    }
  }
}

async function guestToken() {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.status).toBe(200);
  return (await res.json()).backstageIdentity.token as string;
}

async function getEntity(token: string, name: string) {
  return fetch(
    `${baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
}

describe('backend on PostgreSQL', () => {
  let backend: ChildProcess | undefined;
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
    if (backend?.exitCode === null) await stopBackend(backend);
    await new Promise(r => files.close(r));
  });

  it('gives every plugin its own database and keeps a registered entity across a restart', async () => {
    backend = startBackend();
    await waitForReady();

    const pg = new Client({ ...postgresConnection(), database: 'postgres' });
    await pg.connect();
    const { rows } = await pg.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    await pg.end();
    const databases = rows.map(r => r.datname.slice(prefix.length)).sort();
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

    let token = await guestToken();
    const created = await fetch(`${baseUrl}/api/catalog/locations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        type: 'url',
        target: `http://localhost:${FILE_PORT}/catalog-info.yaml`,
      }),
    });
    expect(created.status).toBe(201);
    // Registration stores the entity for processing; wait until it is served.
    let status = 0;
    for (let i = 0; i < 120 && status !== 200; i++) {
      status = (await getEntity(token, 'restart-probe')).status;
      if (status !== 200) await new Promise(r => setTimeout(r, 500));
    }
    expect(status).toBe(200);

    await stopBackend(backend);
    backend = startBackend();
    await waitForReady();

    token = await guestToken();
    const after = await getEntity(token, 'restart-probe');
    expect(after.status).toBe(200);
    expect((await after.json()).spec.owner).toBe('group:default/platform');
  });
});
