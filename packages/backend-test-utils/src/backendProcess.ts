import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './freePort';
import { poll } from './poll';

/** A real backend started as `backstage-cli package start` runs it, in its own process group. */
export interface BackendProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The last 20,000 characters the backend wrote to stdout and stderr. */
  output(): string;
}

/** Options of {@link startBackend}. */
export interface StartBackendOptions {
  /** The port the backend listens on. */
  port: number;
  /** Environment on top of this process's: `APP_CONFIG_*` overlays, `POSTGRES_*`. */
  env?: Record<string, string>;
  /** More arguments to `backstage-cli package start`, e.g. `['--require', file]`. */
  args?: string[];
}

// The backend package of this repository; the harness is never part of a production build.
// eslint-disable-next-line no-restricted-syntax
const backendDir = path.resolve(__dirname, '../../backend');

/**
 * Starts the backend (packages/backend) with app-config.yaml and `env`, in development mode as
 * `yarn start` does (TypeScript transpiled at start; the guest can sign in). Resolves at once:
 * wait with {@link waitForReady}, stop with {@link stopBackend}.
 */
export function startBackend(options: StartBackendOptions): BackendProcess {
  const { port, env = {}, args = [] } = options;
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(
    'yarn',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      ...args,
    ],
    {
      cwd: backendDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Jest sets NODE_ENV=test; the backend runs as in local development.
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

/** Waits until the backend answers its readiness check; fails at once, with its output, if it exits. */
export async function waitForReady(backend: BackendProcess, ms = 240_000) {
  const { baseUrl, child } = backend;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The backend on ${baseUrl} exited before it was ready:\n${backend
          .output()
          .slice(-4000)}`,
      );
    }
    try {
      if ((await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `Timed out after ${
      ms / 1000
    } s waiting for the backend on ${baseUrl} to be ready:\n${backend
      .output()
      .slice(-4000)}`,
  );
}

/** Sends `signal` to the backend's process group and waits until it has exited and its port closed. */
export async function stopBackend(
  backend: BackendProcess,
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

/**
 * Starts the backend ({@link startBackend}) on `port` (default: a free one) and waits until it is
 * ready; returns it with a guest token. A backend that never gets ready is stopped again.
 */
export async function startReadyBackend(
  options: Omit<StartBackendOptions, 'port'> & { port?: number },
): Promise<{ backend: BackendProcess; token: string }> {
  const backend = startBackend({
    ...options,
    port: options.port ?? (await freePort()),
  });
  try {
    await waitForReady(backend);
    return { backend, token: await guestToken(backend.baseUrl) };
  } catch (error) {
    await stopBackend(backend);
    throw error;
  }
}

/**
 * A guest token (development sign-in). A server error is tried again for up to `ms` (a clean-clone
 * CI once saw a backend that had just become ready, beside another one starting on two cores, fail
 * the first sign-in; its answer was not kept); the error names the last answer and its body.
 */
export async function guestToken(
  baseUrl: string,
  ms = 60_000,
): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    if (res.ok) return (await res.json()).backstageIdentity.token as string;
    const body = (await res.text()).slice(0, 500);
    if (res.status < 500 || Date.now() > deadline) {
      throw new Error(`Guest sign-in answered ${res.status}: ${body}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** A JSON request as the given token; never hangs longer than `timeoutMs`. */
export function api(
  baseUrl: string,
  token: string,
  pathname: string,
  init: RequestInit & { timeoutMs?: number } = {},
) {
  const { timeoutMs = 120_000, ...rest } = init;
  return fetch(`${baseUrl}${pathname}`, {
    ...rest,
    signal: rest.signal ?? AbortSignal.timeout(timeoutMs),
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...rest.headers,
    },
  });
}
