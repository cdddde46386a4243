import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  dropDatabasesWithPrefix,
  poll,
  startReadyBackend,
  stopBackend,
} from '@internal/backend-test-utils';

// Integration: a coding assistant's view. The real MCP client (Streamable HTTP) against the real
// backend on the PostgreSQL of `scripts/portal test` (POSTGRES_*), with the example organisation and
// one template restricted to a team the guest is not in.
jest.setTimeout(420_000);

const root = path.resolve(__dirname, '../../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-mcp-'));
const TOOL_TOKEN = 'mcp-tool-token-for-tests-0123456789';
const restrictedTemplate = path.join(work, 'restricted-template.yaml');
fs.writeFileSync(
  restrictedTemplate,
  `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: payroll-export
  title: Payroll Export
  description: Restricted to the payments team.
  tags: [platform-only]
spec:
  type: service
  owner: user:martin.keller
  parameters: []
  steps: []
`,
);

const DATABASE_PREFIX = `mcp_${Date.now().toString(36)}_`;
const env = {
  APP_CONFIG_backend_database_prefix: DATABASE_PREFIX,
  // The TechDocs collator indexes only sites built by then: every 20 s here instead of every 5 min,
  // so the docs the portal builds after start are searchable within the test.
  APP_CONFIG_search_collators_techdocs_schedule_frequency: 'PT20S',
  APP_CONFIG_catalog_locations: JSON.stringify([
    { type: 'file', target: path.join(root, 'examples/all.yaml') },
    {
      type: 'file',
      target: restrictedTemplate,
      rules: [{ allow: ['Template'] }],
    },
  ]),
  // The guest (platform team) is neither an admin nor allowed the restricted template here.
  APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([]),
  APP_CONFIG_lighthouse_permissions_restrictedTemplates: JSON.stringify([
    { tag: 'platform-only', allow: ['group:default/payments'] },
  ]),
  APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
    {
      type: 'static',
      options: { token: TOOL_TOKEN, subject: 'coding-assistant-tools' },
      accessRestrictions: [
        { plugin: 'mcp-actions' },
        { plugin: 'catalog' },
        { plugin: 'owner-validation' },
        { plugin: 'metadata-quality' },
        { plugin: 'search' },
      ],
    },
  ]),
};

let backend: BackendProcess;
let mcpUrl: URL;
let token = '';
const clients: Client[] = [];

async function connect(bearer: string) {
  const client = new Client({ name: 'lighthouse-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(mcpUrl, {
      requestInit: { headers: { authorization: `Bearer ${bearer}` } },
    }),
  );
  clients.push(client);
  return client;
}

interface ToolAnswer {
  isError?: boolean;
  text: string;
  json?: any;
}

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ type: string; text: string }>)
    .map(c => c.text)
    .join('\n');
  return {
    isError: Boolean(result.isError),
    text,
    json: result.isError ? undefined : JSON.parse(text),
  };
}

describe('MCP server for coding assistants', () => {
  let client: Client;

  beforeAll(async () => {
    if (!process.env.POSTGRES_HOST) {
      throw new Error(
        'POSTGRES_* must name a PostgreSQL server: run `scripts/portal test`',
      );
    }
    ({ backend, token } = await startReadyBackend({ env }));
    mcpUrl = new URL(`${backend.baseUrl}/api/mcp-actions/v1`);
    client = await connect(token);
  });

  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => {});
    if (backend) await stopBackend(backend);
    fs.rmSync(work, { recursive: true, force: true });
    // The PostgreSQL server is shared: the backend's databases go with the test.
    await dropDatabasesWithPrefix(DATABASE_PREFIX);
  });

  it('refuses a request without a token', async () => {
    const res = await fetch(mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
        params: {},
      }),
    });
    expect(res.status).toBe(401);
    await expect(connect('not-a-token')).rejects.toThrow();

    // What an MCP client reads to start the OAuth flow (client ID metadata documents are on).
    const resource = await fetch(
      `${backend.baseUrl}/.well-known/oauth-protected-resource/api/mcp-actions/v1`,
    );
    expect(await resource.json()).toMatchObject({
      resource: `${backend.baseUrl}/api/mcp-actions/v1`,
      authorization_servers: [`${backend.baseUrl}/api/auth`],
    });
    const server = await fetch(
      `${backend.baseUrl}/.well-known/oauth-authorization-server`,
    );
    expect(await server.json()).toMatchObject({
      authorization_endpoint: expect.stringMatching(/^http/),
      token_endpoint: expect.stringMatching(/^http/),
    });
  });

  it('lists the stock catalog tools and the Lighthouse tools, none destructive', async () => {
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'catalog.get-catalog-entity',
        'catalog.query-catalog-entities',
        'mcp-actions.who-owns',
        'mcp-actions.ownership-problems',
        'mcp-actions.quality-of',
        'mcp-actions.search-docs',
      ]),
    );
    expect(names).not.toContain('catalog.unregister-entity');
    const whoOwns = tools.find(t => t.name === 'mcp-actions.who-owns')!;
    expect(whoOwns.inputSchema.required).toEqual(['entity']);
    expect(whoOwns.annotations?.readOnlyHint).toBe(true);
  });

  it('tells who owns the payments service, with members, links, neighbours and quality', async () => {
    // The quality evaluation runs 30 s after start.
    const answer = await poll(
      'a quality score for the payments service',
      async () => {
        const a = await call(client, 'mcp-actions.who-owns', {
          entity: 'component:default/payments-service',
        });
        return a.json?.quality ? a : undefined;
      },
      180_000,
      2_000,
    );
    const out = answer.json;
    expect(out.entity).toMatchObject({
      ref: 'component:default/payments-service',
      title: 'Payments Service',
    });
    expect(out.owner.ref).toBe('group:default/payments');
    expect(out.owner.members.length).toBeGreaterThan(0);
    expect(out.owner.memberCount).toBe(out.owner.members.length);
    expect(out.owner.members[0]).toEqual({
      ref: expect.stringMatching(/^user:default\//),
      name: expect.any(String),
      email: expect.stringContaining('@acme-logistics.example'),
    });
    expect(out.ownerValid).toBe(true);
    expect(out.quality).toEqual({
      score: expect.any(Number),
      level: out.quality.level,
      failingChecks: expect.any(Array),
    });
    expect([null, 'Bronze', 'Silver', 'Gold']).toContain(out.quality.level);
    expect(out.links.map((l: { type: string }) => l.type).sort()).toEqual([
      'dashboard',
      'docs',
      'on-call',
      'runbook',
      'source',
    ]);
    expect(out.dependsOn).toEqual(
      expect.arrayContaining([
        'resource:default/payments-db',
        'component:default/fraud-scoring-service',
      ]),
    );
    // Compact: a model reads it whole.
    expect(answer.text.length).toBeLessThan(4000);
  });

  it('names the suggested team for a component whose owner has left', async () => {
    // The ownership check runs 15 s after start.
    const out = await poll(
      'the departed owner finding of label-printer-bridge',
      async () => {
        const a = await call(client, 'mcp-actions.who-owns', {
          entity: 'label-printer-bridge',
        });
        return a.json?.ownerProblem ? a.json : undefined;
      },
      180_000,
      2_000,
    );
    expect(out.owner.ref).toBe('user:default/martin.keller');
    expect(out.ownerValid).toBe(false);
    expect(out.ownerProblem).toMatchObject({
      type: 'departedUser',
      suggestedOwner: 'group:default/logistics',
    });
  });

  it('finds an entity by a fuzzy name', async () => {
    const payments = await call(client, 'mcp-actions.who-owns', {
      entity: 'payments service',
    });
    expect(payments.json.entity.ref).toBe('component:default/payments-service');

    const route = await call(client, 'mcp-actions.who-owns', {
      entity: 'the Route Optimizer',
    });
    expect(route.json.entity.ref).toBe('component:default/route-optimizer');
    expect(route.json.owner.members).toEqual([]);
    expect(route.json.ownerProblem.type).toBe('emptyGroup');
  });

  it('lists ownership problems and the quality of an entity', async () => {
    const problems = await call(client, 'mcp-actions.ownership-problems', {
      kind: 'Component',
    });
    const refs = problems.json.problems.map(
      (p: { entityRef: string }) => p.entityRef,
    );
    expect(refs).toEqual(
      expect.arrayContaining([
        'component:default/label-printer-bridge',
        'component:default/route-optimizer',
      ]),
    );

    const quality = await call(client, 'mcp-actions.quality-of', {
      entity: 'payments-service',
    });
    expect(quality.json).toMatchObject({
      entityRef: 'component:default/payments-service',
      score: expect.any(Number),
    });
    for (const check of quality.json.failingChecks) {
      expect(check.fix).toEqual(expect.any(String));
    }
  });

  it('never tells the guest about a template restricted to another team', async () => {
    const tool = await connect(TOOL_TOKEN);
    // The configured tool token (a service) sees the template and its departed owner...
    const found = await poll(
      'the restricted template in the catalog, and its finding',
      async () => {
        const a = await call(tool, 'mcp-actions.who-owns', {
          entity: 'template:default/payroll-export',
        });
        return a.json?.ownerProblem ? a : undefined;
      },
      120_000,
      2_000,
    );
    expect(found.json.entity.title).toBe('Payroll Export');
    const all = await call(tool, 'mcp-actions.ownership-problems', {
      kind: 'Template',
    });
    expect(all.json.problems).toHaveLength(1);

    // ...the guest does not, by ref, by name, in the findings or through the stock catalog tool.
    const byRef = await call(client, 'mcp-actions.who-owns', {
      entity: 'template:default/payroll-export',
    });
    expect(byRef).toEqual({
      isError: true,
      text: "NotFoundError: No entity 'template:default/payroll-export'",
      json: undefined,
    });
    const byName = await call(client, 'mcp-actions.who-owns', {
      entity: 'payroll export',
    });
    expect(byName.isError).toBe(true);
    expect(byName.text).toBe(
      "NotFoundError: No entity matches 'payroll export'",
    );
    const quality = await call(client, 'mcp-actions.quality-of', {
      entity: 'template:default/payroll-export',
    });
    expect(quality.isError).toBe(true);
    const problems = await call(client, 'mcp-actions.ownership-problems', {
      kind: 'Template',
    });
    expect(problems.json.problems).toEqual([]);
    const stock = await call(client, 'catalog.get-catalog-entity', {
      kind: 'template',
      name: 'payroll-export',
    });
    expect(stock.isError).toBe(true);
    expect(stock.text).not.toContain('Payroll Export');
  });

  it('answers bad input with a short error, never a stack', async () => {
    const unknown = await call(client, 'mcp-actions.who-owns', {
      entity: 'component:default/no-such-service',
    });
    expect(unknown).toMatchObject({
      isError: true,
      text: "NotFoundError: No entity 'component:default/no-such-service'",
    });
    const nothing = await call(client, 'mcp-actions.who-owns', {
      entity: 'zzqx nothing like it',
    });
    expect(nothing.text).toBe(
      "NotFoundError: No entity matches 'zzqx nothing like it'",
    );

    for (const [name, args] of [
      ['mcp-actions.who-owns', { entity: '   ' }],
      ['mcp-actions.who-owns', { entity: 'x'.repeat(5000) }],
      ['mcp-actions.who-owns', {}],
      ['mcp-actions.search-docs', { query: '' }],
      ['mcp-actions.ownership-problems', { limit: 100000 }],
    ] as const) {
      const answer = await call(client, name, args);
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/^InputError: Invalid input to action/);
      expect(answer.text).not.toMatch(/\n\s+at /);
    }
    const punctuation = await call(client, 'mcp-actions.who-owns', {
      entity: '???',
    });
    expect(punctuation.text).toBe(
      "InputError: No name or title to look for in '???'",
    );
  });

  it('searches the docs, naming the entity each page documents', async () => {
    // The TechDocs collator indexes the built sites shortly after start.
    const hits = await poll(
      'TechDocs pages of the payments service in the search index',
      async () => {
        const a = await call(client, 'mcp-actions.search-docs', {
          query: 'payments runbook',
          limit: 3,
        });
        return a.json?.hits.length ? a.json.hits : undefined;
      },
      180_000,
      3_000,
    );
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]).toMatchObject({
      title: expect.any(String),
      snippet: expect.any(String),
      url: expect.stringMatching(
        /^http:\/\/localhost:3000\/docs\/default\/component\/payments-service\//,
      ),
      entityRef: 'component:default/payments-service',
      entityTitle: 'Payments Service',
    });
  });
});
