import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  api,
  BackendProcess,
  freePort,
  guestToken,
  poll,
  startBackend,
  stopBackend,
  waitForReady,
} from '@internal/backend-test-utils';

// `catalog-info-lint --portal` against the real backend with the example catalog: references and
// owners are resolved through the catalog API with a guest token, the quality rules read from
// GET /api/metadata-quality/rules.
jest.setTimeout(360_000);

const bin = path.join(
  path.dirname(require.resolve('@internal/catalog-info-lint/package.json')),
  'bin',
  'catalog-info-lint',
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-portal-'));

function file(name: string, spec: string) {
  const target = path.join(dir, name, 'catalog-info.yaml');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(
    target,
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: A component of the lint test.
spec:
  type: library
  lifecycle: production
${spec}`,
  );
  return target;
}

function lint(
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [bin, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', d => {
      out += d;
    });
    child.stderr.on('data', d => {
      err += d;
    });
    child.on('exit', code => resolve({ code, out, err }));
  });
}

describe('catalog-info-lint --portal', () => {
  let backend: BackendProcess;
  let token: string;

  beforeAll(async () => {
    backend = startBackend({
      port: await freePort(),
      env: {
        APP_CONFIG_backend_database_prefix: `lint_${Date.now().toString(36)}_`,
        APP_CONFIG_catalog_locations: JSON.stringify([
          { type: 'file', target: '../../examples/all.yaml' },
        ]),
      },
    });
    await waitForReady(backend);
    token = await guestToken(backend.baseUrl);
    await poll(
      'the example catalog',
      async () =>
        (
          await api(
            backend.baseUrl,
            token,
            '/api/catalog/entities/by-name/group/default/route-planning',
          )
        ).ok &&
        (
          await api(
            backend.baseUrl,
            token,
            '/api/catalog/entities/by-name/system/default/payments',
          )
        ).ok,
      180_000,
      2000,
    );
  });

  afterAll(async () => {
    if (backend) await stopBackend(backend);
  });

  it('passes a file whose references and owner the portal has', async () => {
    const good = file(
      'lint-good',
      '  owner: payments\n  system: payments\n  dependsOn: [resource:payments-db]\n',
    );
    const { code, out, err } = await lint(
      '--portal',
      backend.baseUrl,
      '--token',
      token,
      '--format',
      'json',
      good,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.summary.errors).toBe(0);
    expect(report.scores).toEqual([
      expect.objectContaining({ entityRef: 'component:default/lint-good' }),
    ]);
  });

  it('reports unknown references and owner problems as owner validation does', async () => {
    const bad = file(
      'lint-bad',
      '  owner: route-planning\n  system: no-such-system\n  consumesApis: [payments-api]\n',
    );
    const person = file('lint-person', '  owner: user:martin.keller\n');
    const { code, out } = await lint(
      '--portal',
      backend.baseUrl,
      '--token',
      token,
      '--format',
      'github',
      bad,
      person,
    );
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=.*lint-bad\/catalog-info\.yaml,line=10,col=3,title=catalog-info reference::spec\.system: 'system:default\/no-such-system' is not in the catalog/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=.*lint-bad\/catalog-info\.yaml,line=9,col=3,title=catalog-info owner::Owner group has no members: Owner 'group:default\/route-planning'/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=.*lint-person\/catalog-info\.yaml,line=9,col=3,title=catalog-info owner::Owner has left: Owner 'user:default\/martin\.keller'/,
      ),
    );
    expect(out).not.toContain('payments-api');
  });

  it('exits 2 when the portal refuses the token', async () => {
    const good = file('lint-token', '  owner: payments\n');
    const { code, err } = await lint(
      '--portal',
      backend.baseUrl,
      '--token',
      'not-a-token',
      good,
    );
    expect(code).toBe(2);
    expect(err).toContain('did not answer');
  });
});
