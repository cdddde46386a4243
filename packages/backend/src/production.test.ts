import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@internal/backend-test-utils';

// The production bundle the Dockerfile packs (skeleton + production dependencies + bundle), built and
// started with plain node and app-config.production.yaml on the real PostgreSQL from POSTGRES_*.
jest.setTimeout(600_000);

const root = path.resolve(__dirname, '../../..');
let PORT = 0;
let baseUrl = '';

function sh(cmd: string, args: string[], cwd: string) {
  execFileSync(cmd, args, {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: undefined },
  });
}

async function waitForReady(url: string, exited: () => boolean) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !exited()) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`The production backend did not become ready at ${url}`);
}

describe('production bundle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-prod-'));
  let output = '';
  let child: ReturnType<typeof spawn> | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with plain node, serves the app, refuses guest sign-in and offers OIDC', async () => {
    if (!process.env.POSTGRES_HOST) {
      throw new Error(
        'POSTGRES_* must name a PostgreSQL server: run `scripts/portal test`',
      );
    }
    PORT = await freePort();
    baseUrl = `http://localhost:${PORT}`;
    sh('yarn', ['build:backend'], root);
    for (const file of ['package.json', 'yarn.lock', '.yarnrc.yml']) {
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    sh(
      'tar',
      ['xzf', path.join(root, 'packages/backend/dist/skeleton.tar.gz')],
      dir,
    );
    sh('yarn', ['workspaces', 'focus', '--all', '--production'], dir);
    sh(
      'tar',
      ['xzf', path.join(root, 'packages/backend/dist/bundle.tar.gz')],
      dir,
    );
    for (const file of [
      'app-config.yaml',
      'app-config.production.yaml',
      'catalog-info.yaml',
    ]) {
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    // Only production dependencies: no CLI, no test tooling.
    expect(fs.existsSync(path.join(dir, 'node_modules/@backstage/cli'))).toBe(
      false,
    );

    child = spawn(
      process.execPath,
      [
        'packages/backend',
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.production.yaml',
      ],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          APP_BASE_URL: baseUrl,
          APP_CONFIG_backend_listen: JSON.stringify({ port: PORT }),
          APP_CONFIG_backend_database_prefix: `prod_${Date.now().toString(
            36,
          )}_`,
          // Production signs people in with OIDC and refuses to start without its settings; no
          // provider answers at this address (the OIDC end-to-end test uses a real one).
          AUTH_OIDC_METADATA_URL: `${baseUrl}/no-identity-provider/.well-known/openid-configuration`,
          AUTH_OIDC_CLIENT_ID: 'lighthouse',
          AUTH_OIDC_CLIENT_SECRET: 'not-a-secret',
          AUTH_SESSION_SECRET: 'not-a-secret-either',
        },
      },
    );
    child.stdout?.on('data', d => (output = (output + d).slice(-8000)));
    child.stderr?.on('data', d => (output = (output + d).slice(-8000)));
    try {
      await waitForReady(
        `${baseUrl}/.backstage/health/v1/readiness`,
        () => child?.exitCode !== null,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${output}`);
    }

    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Lighthouse');

    const guest = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(guest.status).not.toBe(200);

    // The OIDC provider is mounted: without a session its refresh is refused, not unknown.
    const oidc = await fetch(
      `${baseUrl}/api/auth/oidc/refresh?env=production`,
      {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      },
    );
    expect(oidc.status).toBe(401);

    const anonymous = await fetch(`${baseUrl}/api/catalog/entities`);
    expect(anonymous.status).toBe(401);
  });
});
