import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { descendants, peakRssMiB, waitFor } from './process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts a throw-away embedded PostgreSQL and the real backend (as `backstage-cli package start` runs
 * it) with the given catalog locations, optionally leaving one backend plugin package out. Tracks the
 * backend's peak memory while it runs.
 */
export async function startBenchBackend({ port, postgresPort, locations, env = {}, without }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(work, 'pg'),
    port: postgresPort,
    persistent: false,
  });
  const { host, port: pgPort, user, password } = pg.connection;
  const baseUrl = `http://localhost:${port}`;
  const startedAt = Date.now();
  const child = spawn(
    'yarn',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      ...(without ? ['--require', path.join(root, 'bench/lib/without-plugin.cjs')] : []),
    ],
    {
      cwd: path.join(root, 'packages', 'backend'),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        POSTGRES_HOST: host,
        POSTGRES_PORT: String(pgPort),
        POSTGRES_USER: user,
        POSTGRES_PASSWORD: password,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_catalog_locations: JSON.stringify(locations),
        ...(without ? { BENCH_WITHOUT_PLUGIN: without } : {}),
        ...env,
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', d => (stderr = (stderr + d).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRssMiB(descendants(child.pid)));
  }, 250);

  let token;
  const backend = {
    baseUrl,
    work,
    startedAt,
    stderr: () => stderr,
    peakRssMiB: () => Math.max(peak, peakRssMiB(descendants(child.pid))),
    async ready() {
      await waitFor(async () => (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok, 180_000);
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      token = (await res.json()).backstageIdentity.token;
      return Date.now();
    },
    /** A JSON request to the backend as the guest user. */
    async api(pathname, init = {}) {
      return fetch(`${baseUrl}${pathname}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      });
    },
    async stop() {
      clearInterval(sampler);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => setTimeout(r, 2000));
      await pg.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
  return backend;
}
