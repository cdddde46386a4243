import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * Starts a second backend the way production configures it (app-config.yaml +
 * app-config.production.yaml, NODE_ENV=production) with a small overlay: its own port, its own
 * databases on the test's PostgreSQL, the example organisation in the catalog, and a static token
 * the test uses to wait for the catalog. OIDC settings come from the production env vars.
 */
export async function startProductionBackend(options: {
  port: number;
  env: Record<string, string>;
  catalogToken: string;
}): Promise<{
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}> {
  for (const key of [
    'POSTGRES_HOST',
    'POSTGRES_PORT',
    'POSTGRES_USER',
    'POSTGRES_PASSWORD',
  ]) {
    if (!process.env[key]) {
      throw new Error(
        `${key} is not set: run the browser tests with POSTGRES_* (scripts/portal test)`,
      );
    }
  }
  const baseUrl = `http://localhost:${options.port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-oidc-e2e-'));
  const overlay = path.join(dir, 'app-config.oidc-e2e.yaml');
  const runId = Date.now().toString(36);
  fs.writeFileSync(
    overlay,
    JSON.stringify({
      backend: {
        listen: { port: options.port },
        // Own databases, so this backend never shares state with the main end-to-end backend.
        database: { prefix: `backstage_oidc_${runId}_` },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: {
                token: options.catalogToken,
                subject: 'oidc-e2e-test',
              },
            },
          ],
        },
      },
      catalog: {
        locations: [{ type: 'file', target: '../../examples/all.yaml' }],
      },
    }),
  );
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.production.yaml',
      '--config',
      overlay,
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: 'production',
        APP_BASE_URL: baseUrl,
      },
    },
  );
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The production backend exited early:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The production backend was not ready within 4 minutes:\n${output}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  return { baseUrl, output: () => output, stop };
}
