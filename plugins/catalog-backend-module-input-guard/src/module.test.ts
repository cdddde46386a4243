import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createOpenApiRequest,
  testPostgres,
} from '@internal/backend-test-utils';
import { MAX_PAGE_SIZE } from '@internal/plugin-catalog-problems-common';
import { catalogModuleInputGuard } from './module';
import { spec } from './schema/openapi/generated';
import { componentDocument } from './__testUtils__/documents';

// Answers of this module's routes are checked against its OpenAPI document.
const checked = createOpenApiRequest(spec, '/api/catalog');

const databases = testPostgres();

const component = (name: string, owner?: string) =>
  componentDocument(name, { owner });

const group = (description: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  description: ${description}
spec:
  type: team
  children: []
`;

const location = (targets: string[]) => `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: all
spec:
  targets: [${targets.map(t => `./${t}`).join(', ')}]
`;

function orgFile(middle: string) {
  return `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: tooling
spec:
  type: team
  children: []
---
${middle}${middle ? '---\n' : ''}apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
spec:
  memberOf: [tooling]
`;
}

/** The files the location lists from the start (org.yaml besides). */
const FIRST_FILES = ['team.yaml', 'good.yaml', 'broken.yaml', 'no-owner.yaml'];

const files: Record<string, string> = {
  'all.yaml': location([...FIRST_FILES, 'org.yaml']),
  'team.yaml': group('the real team'),
  // A team and its person; the test of a clash puts a second payments between them later, once
  // team.yaml's payments is stored (in one first pass, which file wins is up to the catalog).
  'org.yaml': orgFile(''),
  'good.yaml': component('good-service', 'group:default/payments'),
  'broken.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken-service
   description: bad indentation
`,
  'no-owner.yaml': component('no-owner'),
};

async function eventually<T>(what: string, fn: () => Promise<T | undefined>) {
  const deadline = Date.now() + 90_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}: ${last}`);
}

// Served over HTTP, to be registered through the API like the Register page does.
const served: Record<string, string> = {
  '/mine.yaml': `${component('mine', 'user:default/bob')}---
${component('mine-broken', 'user:default/bob').replace(
  'lifecycle: production',
  'lifecycle: [production]',
)}`,
};

async function decide(requests: any[], options: any): Promise<any> {
  const user = options.credentials.principal?.userEntityRef;
  // As the real permissions service: other plugins and this one are never asked about.
  if (options.credentials.principal?.type === 'service') {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  }
  return requests.map(r => {
    let allowed = true;
    if (user === 'user:default/outsider') {
      allowed = r.permission.name !== 'catalog.processing-problems.read';
    }
    if (r.permission.name === 'catalog.location.delete') {
      allowed = user === 'user:default/admin';
    }
    if (r.permission.name === 'catalog.entity.delete') {
      // bob owns component:default/mine; alice owns nothing.
      allowed =
        user === 'user:default/admin' ||
        (user === 'user:default/bob' &&
          r.resourceRef === 'component:default/mine');
    }
    return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  });
}

describe('catalog input guard on the real catalog and PostgreSQL', () => {
  let dir: string;
  let server: any;
  let stop: () => Promise<void>;
  let fileServer: http.Server;
  let filesUrl: string;

  beforeAll(async () => {
    fileServer = http.createServer((req, res) => {
      const body = served[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/yaml' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>(resolve =>
      fileServer.listen(0, '127.0.0.1', resolve),
    );
    const host = `localhost:${(fileServer.address() as AddressInfo).port}`;
    filesUrl = `http://${host}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'input-guard-'));
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), text);
    }
    const knex = await databases.init();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInputGuard,
        mockServices.database.factory({ knex }),
        // No header means no credentials, as in a real backend.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootLogger.factory({
          level: process.env.DEBUG_GUARD ? 'debug' : 'warn',
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { reading: { allow: [{ host }] } },
            catalog: {
              rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
              // team.yaml and impostor.yaml are read in the same first pass; the impostor is refused
              // by name on the next one.
              processingInterval: { seconds: 2 },
              locations: [{ type: 'file', target: path.join(dir, 'all.yaml') }],
            },
          },
        }),
        // Everyone may do everything, except that user:default/outsider may not read problems.
        mockServices.permissions.mock({
          authorize: decide,
          authorizeConditional: decide,
        }).factory,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await new Promise(resolve => fileServer?.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) =>
    request(server)
      .get(url)
      .set('authorization', mockCredentials.user.header('user:default/alice'));
  const getProblems = (query = '') =>
    checked(server)
      .get(`/api/catalog/processing-problems${query}`)
      .set('authorization', mockCredentials.user.header('user:default/alice'));

  it('ingests the valid files of a Location although other files in it are broken', async () => {
    const good = await eventually('good-service', async () => {
      const res = await get(
        '/api/catalog/entities/by-name/component/default/good-service',
      );
      return res.status === 200 ? res.body : undefined;
    });
    expect(good.spec.owner).toBe('group:default/payments');
    const all = await get('/api/catalog/entities/by-name/location/default/all');
    expect(all.status).toBe(200);
    expect(all.body.spec.targets).toHaveLength(5);
    expect(all.body.metadata.annotations).not.toHaveProperty(
      'lighthouse.acme/location-targets',
    );
  }, 120_000);

  it('lists every broken file with an error naming the file, and keeps the first definition of a duplicate', async () => {
    // Someone registers the team again in another file, with other content.
    fs.writeFileSync(path.join(dir, 'impostor.yaml'), group('hijacked'));
    fs.writeFileSync(
      path.join(dir, 'all.yaml'),
      location([...FIRST_FILES, 'impostor.yaml']),
    );
    // The impostor is refused on the pass after it is first read: wait for its problem itself, as
    // other files' problems may already make up the count.
    const problems = await eventually('the impostor refused', async () => {
      const res = await getProblems();
      const refused = res.body?.items?.some((p: any) =>
        p.errors.some((e: any) =>
          /impostor\.yaml: group:default\/payments/.test(e.message),
        ),
      );
      return res.status === 200 && res.body.totalItems >= 3 && refused
        ? res.body
        : undefined;
    });
    const messages = problems.items.flatMap((p: any) =>
      p.errors.map((e: any) => e.message),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /broken\.yaml: the document is not valid YAML: .*line 4, column 9/,
        ),
        expect.stringMatching(
          /impostor\.yaml: group:default\/payments is already defined in file:.*team\.yaml/,
        ),
        expect.stringMatching(/must have required property 'owner'/),
      ]),
    );
    const team = await get(
      '/api/catalog/entities/by-name/group/default/payments',
    );
    expect(team.body.metadata.description).toBe('the real team');
    const missing = await get(
      '/api/catalog/entities/by-name/component/default/broken-service',
    );
    expect(missing.status).toBe(404);
  }, 120_000);

  it('loses only the document that clashes: the team and its person in the same file are ingested', async () => {
    // A second definition of payments between the team and its person.
    fs.writeFileSync(
      path.join(dir, 'org.yaml'),
      orgFile(group('defined again')),
    );
    fs.writeFileSync(
      path.join(dir, 'all.yaml'),
      location([...FIRST_FILES, 'impostor.yaml', 'org.yaml']),
    );
    const ada = await eventually('user ada', async () => {
      const res = await get('/api/catalog/entities/by-name/user/default/ada');
      return res.status === 200 ? res.body : undefined;
    });
    expect(ada.spec.memberOf).toEqual(['tooling']);
    const tooling = await get(
      '/api/catalog/entities/by-name/group/default/tooling',
    );
    expect(tooling.status).toBe(200);
    const problem = await eventually('the clash as a problem', async () => {
      const res = await getProblems();
      return res.body.items.find(
        (p: any) =>
          p.file?.endsWith('/org.yaml') &&
          p.entityRef === 'group:default/payments',
      );
    });
    expect(problem.errors[0].message).toMatch(
      /org\.yaml: document 2: group:default\/payments is already defined in file:.*team\.yaml/,
    );
    expect(problem.ingested).toBe(false);
    const team = await get(
      '/api/catalog/entities/by-name/group/default/payments',
    );
    expect(team.body.metadata.description).toBe('the real team');
  }, 120_000);

  it('names the file of every problem, not the generated Location that read it', async () => {
    const res = await getProblems();
    const broken = res.body.items.find((p: any) =>
      p.file?.endsWith('/broken.yaml'),
    );
    expect(broken).toBeDefined();
    // The catalog's generated Location is not an entity anyone wrote.
    expect(broken.entityRef).toBeUndefined();
    expect(broken.file).toBe(`file:${path.join(dir, 'broken.yaml')}`);
    const noOwner = res.body.items.find(
      (p: any) => p.entityRef === 'component:default/no-owner',
    );
    expect(noOwner.file).toBe(`file:${path.join(dir, 'no-owner.yaml')}`);
  });

  it('lets the owner of everything a registration brought in unregister it, and nobody else but admins', async () => {
    const registered = await request(server)
      .post('/api/catalog/locations')
      .set('authorization', mockCredentials.user.header('user:default/bob'))
      .send({ type: 'url', target: `${filesUrl}/mine.yaml` });
    expect(registered.status).toBe(201);
    const problem = await eventually('the broken entity', async () => {
      const list = await getProblems();
      return list.body.items.find(
        (p: any) => p.entityRef === 'component:default/mine-broken',
      );
    });
    expect(problem.file).toBe(`url:${filesUrl}/mine.yaml`);
    expect(problem.originLocationId).toBe(registered.body.location.id);
    await eventually('component mine', async () => {
      const res = await get(
        '/api/catalog/entities/by-name/component/default/mine',
      );
      return res.status === 200 ? true : undefined;
    });

    const unregister = (user: string) =>
      checked(server)
        .delete(
          `/api/catalog/processing-problems/locations/${problem.originLocationId}`,
        )
        .set('authorization', mockCredentials.user.header(user));
    const alice = await unregister('user:default/alice');
    expect(alice.status).toBe(403);
    expect(alice.body.error.message).toBe(
      `You can unregister 'url:${filesUrl}/mine.yaml' only if you own everything it brought in; you do not own 'component:default/mine'`,
    );
    expect((await unregister('user:default/bob')).status).toBe(204);
    expect(
      (await get(`/api/catalog/locations/${problem.originLocationId}`)).status,
    ).toBe(404);
    expect((await unregister('user:default/admin')).body.error.message).toBe(
      `No registered location '${problem.originLocationId}'`,
    );
    expect(
      (
        await checked(server).delete(
          `/api/catalog/processing-problems/locations/${problem.originLocationId}`,
        )
      ).status,
    ).toBe(401);
  }, 120_000);

  it('answers 401 without credentials, 403 without the permission and 400 for a bad parameter', async () => {
    expect(
      (await checked(server).get('/api/catalog/processing-problems')).status,
    ).toBe(401);
    const denied = await checked(server)
      .get('/api/catalog/processing-problems')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(denied.status).toBe(403);
    const bad = await getProblems('?limit=many');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      "Invalid query parameter 'limit': must be integer",
    );
    const tooMany = await getProblems(`?limit=${MAX_PAGE_SIZE + 1}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      `Invalid query parameter 'limit': must be <= ${MAX_PAGE_SIZE}`,
    );
    const page = await getProblems('?limit=1&offset=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.totalItems).toBeGreaterThan(1);
  });

  it("leaves the catalog's own OpenAPI document alone", async () => {
    const catalogSpec = await get('/api/catalog/openapi.json');
    expect(catalogSpec.status).toBe(200);
    expect(Object.keys(catalogSpec.body.paths)).toEqual(
      expect.arrayContaining(['/api/catalog/entities/by-refs']),
    );
    expect(Object.keys(catalogSpec.body.paths)).not.toContain(
      '/api/catalog/processing-problems',
    );
  });

  it('serves pages no larger than the client asks for', () => {
    const limit = spec.paths['/processing-problems'].get.parameters[0];
    expect(limit.name).toBe('limit');
    expect(limit.schema.maximum).toBe(MAX_PAGE_SIZE);
  });
});
