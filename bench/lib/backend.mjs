import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { descendants, peakRssMiB } from './process.mjs';
import { requireWorkspace } from './workspace.mjs';

const { api, guestToken, startBackend, stopBackend, waitForReady } =
  requireWorkspace('@internal/backend-test-utils');

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts a throw-away embedded PostgreSQL and the real backend (the backend tests' harness,
 * @internal/backend-test-utils) with the given catalog locations, optionally leaving backend
 * plugin packages out (`without`: a package name or a list). Tracks the backend's peak memory
 * while it runs. With `dataDir`, PostgreSQL keeps its data in `<dataDir>/pg` after it stops, and a
 * later start with the same folder finds the catalog (and every plugin's tables) as it was left.
 * With `postgres` (another bench backend's `postgres`), it joins that PostgreSQL as a second replica
 * and starts none. `onOutput` gets the backend's output as it comes.
 */
export async function startBenchBackend({
  port,
  postgresPort,
  locations,
  env = {},
  without,
  dataDir,
  postgres,
  onOutput,
}) {
  const work =
    dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const pg = postgres
    ? { connection: postgres, stop: async () => {} }
    : await startEmbeddedPostgres({
        dataDir: path.join(work, 'pg'),
        port: postgresPort,
        persistent: Boolean(dataDir),
      });
  const { host, port: pgPort, user, password } = pg.connection;
  const leftOut = [without ?? []].flat();
  const startedAt = Date.now();
  const backend = startBackend({
    port,
    args: leftOut.length
      ? ['--require', path.join(here, 'without-plugin.cjs')]
      : [],
    env: {
      POSTGRES_HOST: host,
      POSTGRES_PORT: String(pgPort),
      POSTGRES_USER: user,
      POSTGRES_PASSWORD: password,
      APP_CONFIG_catalog_locations: JSON.stringify(locations),
      ...(leftOut.length ? { BENCH_WITHOUT_PLUGIN: leftOut.join(',') } : {}),
      ...env,
    },
  });
  const { pid } = backend.child;
  if (onOutput) {
    backend.child.stdout?.on('data', onOutput);
    backend.child.stderr?.on('data', onOutput);
  }
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRssMiB(descendants(pid)));
  }, 250);

  let token;
  let tokenAt = 0;
  // The guest's token lasts an hour; a long benchmark signs in again before it runs out.
  const currentToken = async () => {
    if (Date.now() - tokenAt > 30 * 60_000) {
      token = await guestToken(backend.baseUrl);
      tokenAt = Date.now();
    }
    return token;
  };
  return {
    baseUrl: backend.baseUrl,
    /** The backend process, and the PostgreSQL connection (host, port, user, password). */
    pid,
    postgres: pg.connection,
    work,
    startedAt,
    output: () => backend.output(),
    /** How the backend ended (`exit 1`, `SIGKILL`), or undefined while it runs. */
    exited: () => {
      const { exitCode, signalCode } = backend.child;
      if (signalCode) return signalCode;
      return exitCode === null ? undefined : `exit ${exitCode}`;
    },
    peakRssMiB: () => Math.max(peak, peakRssMiB(descendants(pid))),
    /** Waits for readiness and signs in as the guest; returns the time it was ready. */
    async ready() {
      await waitForReady(backend, 180_000);
      const readyAt = Date.now();
      await currentToken();
      return readyAt;
    },
    /** A JSON request to the backend as the guest user. */
    async api(pathname, init = {}) {
      return api(backend.baseUrl, await currentToken(), pathname, init);
    },
    /** The parsed JSON answer of a request as the guest; throws with the status and body on an error. */
    async json(pathname, init) {
      const res = await this.api(pathname, init ?? {});
      if (!res.ok) {
        throw new Error(
          `${init?.method ?? 'GET'} ${pathname}: ${
            res.status
          } ${await res.text()}`,
        );
      }
      const text = await res.text();
      return text ? JSON.parse(text) : undefined;
    },
    /** POSTs `body` as JSON and returns the parsed answer, as `json`. */
    post(pathname, body) {
      return this.json(pathname, {
        method: 'POST',
        body: JSON.stringify(body ?? {}),
      });
    },
    async stop() {
      clearInterval(sampler);
      await stopBackend(backend);
      await pg.stop();
      if (!dataDir) fs.rmSync(work, { recursive: true, force: true });
    },
    /** Kills the backend at once (SIGKILL to its process group), as a replica dies. */
    async kill() {
      clearInterval(sampler);
      await stopBackend(backend, 'SIGKILL');
    },
  };
}
