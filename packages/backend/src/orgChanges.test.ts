import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  api,
  componentEntity,
  dropDatabasesWithPrefix,
  groupEntity,
  poll,
  startReadyBackend,
  stopBackend,
  userEntity,
  writeCatalogFiles,
} from '@internal/backend-test-utils';

// Integration: the real backend on the real PostgreSQL of `scripts/portal test`, with an org of
// 400 people in 400 teams, each person owning a tool. A reorganisation moves every person at once,
// as a directory sync does; owner validation's findings must follow it from the change queue
// alone. (Batches of 200 moved people once asked the catalog for what their 400 owners own in one
// query string, were refused with 431 and retried for ever: the Ownership page kept suggesting the
// teams people had left.)
jest.setTimeout(600_000);

const PEOPLE = 400;
const DATABASE_PREFIX = `orgchanges_${Date.now().toString(36)}_`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-org-changes-'));

/** Person i in team (i + shift) modulo PEOPLE; one team per person. */
function org(shift: number) {
  return [
    ...Array.from({ length: PEOPLE }, (_, i) => groupEntity(`team-${i}`)),
    ...Array.from({ length: PEOPLE }, (_, i) =>
      userEntity(`person-${i}`, {
        memberOf: [`group:default/team-${(i + shift) % PEOPLE}`],
      }),
    ),
  ];
}

const writeOrg = (shift: number) =>
  writeCatalogFiles(path.join(work, 'org'), org(shift), { perFile: 1000 });

let backend: BackendProcess | undefined;
let token = '';

beforeAll(async () => {
  const orgFile = writeOrg(0);
  const components = writeCatalogFiles(path.join(work, 'components'), [
    ...Array.from({ length: PEOPLE }, (_, i) =>
      componentEntity(`tool-${i}`, { owner: `user:default/person-${i}` }),
    ),
    componentEntity('team-tool', { owner: 'group:default/team-7' }),
  ]);
  ({ backend, token } = await startReadyBackend({
    env: {
      APP_CONFIG_backend_database_prefix: DATABASE_PREFIX,
      // The guest asks the catalog to read the org file again (catalog.entity.refresh).
      APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([
        'user:default/guest',
      ]),
      APP_CONFIG_catalog_locations: JSON.stringify([
        {
          type: 'file',
          target: orgFile,
          rules: [{ allow: ['User', 'Group', 'Location'] }],
        },
        {
          type: 'file',
          target: components,
          rules: [{ allow: ['Component', 'Location'] }],
        },
      ]),
      // Drained every 20 s, so a sync's changes wait for the consumer in full batches of 200, as
      // they do behind a busy catalog.
      APP_CONFIG_ownerValidation_changesSchedule: JSON.stringify({
        frequency: { seconds: 20 },
        timeout: { minutes: 2 },
      }),
    },
  }));
});

afterAll(async () => {
  if (backend) await stopBackend(backend);
  fs.rmSync(work, { recursive: true, force: true });
  await dropDatabasesWithPrefix(DATABASE_PREFIX);
});

/** The open findings people see on the Ownership page, by entity name. */
async function findings() {
  const res = await api(
    backend!.baseUrl,
    token,
    '/api/owner-validation/findings?limit=1000',
  );
  expect(res.status).toBe(200);
  const { items } = await res.json();
  return new Map<string, { type: string; suggestedOwner?: string }>(
    items.map((f: any) => [
      f.name,
      { type: f.type, suggestedOwner: f.suggestedOwner },
    ]),
  );
}

/** Tools whose finding does not suggest the team their owner is in after `shift`. */
async function toolsWithStaleSuggestion(shift: number) {
  const open = await findings();
  expect(open.has('team-tool')).toBe(false);
  return Array.from({ length: PEOPLE }, (_, i) => `tool-${i}`).filter(
    (tool, i) =>
      JSON.stringify(open.get(tool)) !==
      JSON.stringify({
        type: 'userOwner',
        suggestedOwner: `group:default/team-${(i + shift) % PEOPLE}`,
      }),
  );
}

it('suggests every person-owned tool the team its owner moved to when everyone changes team at once', async () => {
  await poll(
    'every tool to suggest its owner team',
    async () => (await toolsWithStaleSuggestion(0)).length === 0,
    240_000,
    2000,
  );

  // Everyone moves one team on; the catalog reads the org file again.
  writeOrg(1);
  const refresh = await api(backend!.baseUrl, token, '/api/catalog/refresh', {
    method: 'POST',
    body: JSON.stringify({ entityRef: 'user:default/person-0' }),
  });
  expect(refresh.status).toBeLessThan(300);

  let stale: string[] = [];
  await poll(
    'every tool to suggest the team its owner moved to',
    async () => {
      stale = await toolsWithStaleSuggestion(1);
      return stale.length === 0;
    },
    240_000,
    2000,
  ).catch(error => {
    throw new Error(
      `${error.message}; still suggesting the old team: ${
        stale.length
      } tools, e.g. ${stale.slice(0, 3).join(', ')}`,
    );
  });
});
