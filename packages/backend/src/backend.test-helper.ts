import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** A real backend started as `backstage-cli package start` runs it, in its own process group. */
export interface TestBackend {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
}

/** Polls `check` until it returns a truthy value, or throws after `ms` naming `what`. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  ms: number,
  every = 500,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, every));
  }
  throw new Error(
    `Timed out after ${ms / 1000} s waiting for ${what}${
      last ? `: ${last}` : ''
    }`,
  );
}

/**
 * Starts the backend on `port` with app-config.yaml and `env` (APP_CONFIG_* overlays, POSTGRES_*).
 * NODE_ENV is development, so the guest can sign in.
 */
export function startBackend(
  port: number,
  env: Record<string, string>,
): TestBackend {
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(
    'yarn',
    ['backstage-cli', 'package', 'start', '--config', '../../app-config.yaml'],
    {
      // A test helper, never part of a production build.
      // eslint-disable-next-line no-restricted-syntax
      cwd: path.resolve(__dirname, '..'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        ...env,
      },
    },
  );
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d).slice(-20000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { baseUrl, child, output: () => output };
}

export async function waitForReady(backend: TestBackend, ms = 240_000) {
  await poll(
    `the backend on ${backend.baseUrl} to be ready`,
    async () => {
      if (backend.child.exitCode !== null) {
        throw new Error(
          `the backend exited:\n${backend.output().slice(-4000)}`,
        );
      }
      return (await fetch(`${backend.baseUrl}/.backstage/health/v1/readiness`))
        .ok;
    },
    ms,
  ).catch(e => {
    throw new Error(`${e.message}\n${backend.output().slice(-4000)}`);
  });
}

/** Sends `signal` to the backend's process group and waits until it has exited. */
export async function stopBackend(
  backend: TestBackend,
  signal: NodeJS.Signals = 'SIGTERM',
) {
  const { child } = backend;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
  await exited;
  // The dev runner's children leave with the group; wait until the port is closed.
  await poll(
    `the port of ${backend.baseUrl} to close`,
    async () => {
      try {
        await fetch(`${backend.baseUrl}/.backstage/health/v1/liveness`);
        return false;
      } catch {
        return true;
      }
    },
    30_000,
    300,
  );
}

/** A guest token (development sign-in). */
export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`Guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token as string;
}

/** A request as the given token; never hangs longer than `timeoutMs`. */
export function api(
  baseUrl: string,
  token: string,
  pathname: string,
  init: RequestInit & { timeoutMs?: number } = {},
) {
  const { timeoutMs = 120_000, ...rest } = init;
  return fetch(`${baseUrl}${pathname}`, {
    ...rest,
    signal: AbortSignal.timeout(timeoutMs),
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...rest.headers,
    },
  });
}

/** The PostgreSQL server of the test run (`POSTGRES_*`, set by `scripts/portal test`). */
export function postgresConnection() {
  const { POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD } =
    process.env;
  if (!POSTGRES_HOST || !POSTGRES_PORT || !POSTGRES_USER) {
    throw new Error(
      'POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD must name a PostgreSQL server: run the tests with `scripts/portal test`',
    );
  }
  return {
    host: POSTGRES_HOST,
    port: Number(POSTGRES_PORT),
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
  };
}
