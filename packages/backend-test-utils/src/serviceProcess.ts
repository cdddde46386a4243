import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// The repository root; the harness is never part of a production build.
// eslint-disable-next-line no-restricted-syntax
const root = path.resolve(__dirname, '../../..');

/** A server a test runs as a process of its own, and how to reach it. */
export interface ServiceProcess<T> {
  /** What the process printed once ready. */
  info: T;
  child: ChildProcess;
  /** Sends SIGTERM and waits until the process has exited. */
  stop(): Promise<void>;
}

/**
 * Runs `node <script> ...args` (a path from the repository root, such as
 * `scripts/lib/postgres-process.mjs` or `scripts/lib/slapd.mjs`) and resolves with the one JSON
 * line it prints once ready; fails with its stderr, naming `what`, if it exits first.
 */
export async function startServiceProcess<T>(
  what: string,
  script: string,
  args: string[],
): Promise<ServiceProcess<T>> {
  const child = spawn(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', d => (err += d));
  const info = await new Promise<T>((resolve, reject) => {
    child.stdout?.once('data', d => resolve(JSON.parse(String(d))));
    child.once('exit', code =>
      reject(new Error(`${what} did not start (${code}): ${err}`)),
    );
  });
  return {
    info,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
