import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  signInWithOidc,
  startOidcIdentityProvider,
} from './oidcSignIn.test-helper';
import {
  BackendProcess,
  api,
  componentEntity,
  freePort,
  guestToken,
  poll,
  queryPostgres,
  ServiceProcess,
  startBackend,
  startServiceProcess,
  stopBackend,
  waitForReady,
  writeCatalogFiles,
} from '@internal/backend-test-utils';

// Integration: a real OpenLDAP (Debian's slapd, scripts/lib/slapd.mjs) and the real backend with the
// stock LDAP provider (plugins/catalog-backend-module-ldap-directory) on the real PostgreSQL of
// `scripts/portal test`. Changes in the directory reach the catalog and the owner findings after one
// sync and one check; a directory that fails changes nothing.
jest.setTimeout(600_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-directory-'));
const SUFFIX = 'dc=acme,dc=test';
const PEOPLE = `ou=people,${SUFFIX}`;
const GROUPS = `ou=groups,${SUFFIX}`;
const READER = `cn=reader,ou=system,${SUFFIX}`;
const READER_SECRET = 'reader-secret';
const TASK = 'LdapOrgEntityProvider:test:refresh';
const MARKER = 'lighthouse.acme/departed';
const DATABASE_PREFIX = `directory_${Date.now().toString(36)}_`;

const people = [
  'anna',
  'ben',
  'carl',
  'dora',
  'emil',
  'fay',
  'gus',
  'hana',
  'ivan',
  'jo',
];
// group: [parent, members]
const groups: Record<string, [string | undefined, string[]]> = {
  acme: [undefined, ['ivan']],
  engineering: ['acme', ['hana']],
  web: ['engineering', ['anna', 'ben', 'carl', 'jo']],
  data: ['engineering', ['emil']],
  support: ['acme', ['fay', 'gus', 'dora']],
};
const children = (name: string) =>
  Object.entries(groups)
    .filter(([, [parent]]) => parent === name)
    .map(([child]) => `cn=${child},${GROUPS}`);
const member = (uid: string) => `uid=${uid},${PEOPLE}`;

function directoryLdif() {
  const entries = [
    `dn: ou=system,${SUFFIX}\nobjectClass: organizationalUnit\nou: system`,
    `dn: ${READER}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: ${READER_SECRET}`,
    `dn: ${PEOPLE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ${GROUPS}\nobjectClass: organizationalUnit\nou: groups`,
    ...people.map(
      uid =>
        `dn: ${member(
          uid,
        )}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid[0].toUpperCase()}${uid.slice(
          1,
        )} Example\nsn: Example\nmail: ${uid}@acme.test\nemployeeType: staff`,
    ),
    ...Object.entries(groups).map(([name, [, members]]) =>
      [
        `dn: cn=${name},${GROUPS}`,
        'objectClass: groupOfNames',
        `cn: ${name}`,
        `description: The ${name} team`,
        ...[...members.map(member), ...children(name)].map(m => `member: ${m}`),
      ].join('\n'),
    ),
  ];
  return `${entries.join('\n\n')}\n`;
}

const components: Record<string, string> = {
  'billing-api': 'user:default/ben',
  'checkout-web': 'user:default/carl',
  'warehouse-etl': 'group:default/data',
  'gus-tool': 'user:default/gus',
  'web-shop': 'group:default/web',
  'support-portal': 'group:default/support',
};

let slapd: ServiceProcess<typeof ldap> | undefined;
let ldap: { url: string; bindDn: string; secret: string };
let backend: BackendProcess;
let token = '';
let identityProvider: { metadataUrl: string; stop(): Promise<void> };
const syncLog: string[] = [];

async function startSlapd(port: number) {
  const ldifFile = path.join(work, 'org.ldif');
  fs.writeFileSync(ldifFile, directoryLdif());
  slapd = await startServiceProcess('slapd', 'scripts/lib/slapd.mjs', [
    path.join(work, 'slapd'),
    String(port),
    ldifFile,
  ]);
  ldap = slapd.info;
}

async function stopSlapd() {
  const stopping = slapd;
  slapd = undefined;
  await stopping?.stop();
}

/** Applies LDIF change records to the directory as its administrator. */
async function changeDirectory(ldif: string) {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'ldapmodify',
      ['-x', '-H', ldap.url, '-D', ldap.bindDn, '-w', ldap.secret],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', d => (err += d));
    child.on('exit', code =>
      code === 0 ? resolve() : reject(new Error(`ldapmodify: ${err}`)),
    );
    child.stdin.end(ldif);
  });
}

/** Triggers one directory sync and waits for its log line; returns it. */
async function sync(): Promise<string> {
  const before = syncLog.length;
  const res = await api(
    backend.baseUrl,
    token,
    `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
      TASK,
    )}/trigger`,
    { method: 'POST' },
  );
  expect(res.status).toBe(200);
  return poll(
    'the directory sync to finish',
    async () => syncLog[before],
    120_000,
    200,
  );
}

async function entity(ref: string) {
  const [kind, rest] = ref.split(':');
  const res = await api(
    backend.baseUrl,
    token,
    `/api/catalog/entities/by-name/${kind}/${rest}`,
  );
  return res.status === 200 ? res.json() : undefined;
}

async function orgEntities() {
  const res = await api(
    backend.baseUrl,
    token,
    '/api/catalog/entities?filter=kind=user&filter=kind=group',
  );
  expect(res.status).toBe(200);
  const all: any[] = await res.json();
  return new Map(
    all
      .filter(e => e.metadata.annotations?.['backstage.io/ldap-dn'])
      .map(e => [`${e.kind.toLowerCase()}:default/${e.metadata.name}`, e]),
  );
}

/** What a person would compare: profile, memberships, hierarchy and the marker. */
function summary(e: any) {
  return {
    profile: e.spec.profile,
    memberOf: e.spec.memberOf,
    parent: e.spec.parent,
    children: e.spec.children,
    departed: e.metadata.annotations?.[MARKER],
  };
}

/** The notifications the notifications backend stored, by recipient: what each person's inbox shows. */
function inboxes() {
  return queryPostgres<{
    user: string;
    title: string;
    description: string;
    topic: string;
  }>(
    `${DATABASE_PREFIX}notifications`,
    'SELECT "user", title, description, topic FROM notification ORDER BY "user", title',
  );
}

async function check() {
  const res = await api(
    backend.baseUrl,
    token,
    '/api/owner-validation/evaluate',
    {
      method: 'POST',
    },
  );
  expect(res.status).toBeLessThan(300);
  const res2 = await api(
    backend.baseUrl,
    token,
    '/api/owner-validation/findings?limit=1000',
  );
  expect(res2.status).toBe(200);
  const { items } = await res2.json();
  return new Map<string, any>(
    items.map((f: any) => [
      f.name,
      { type: f.type, suggestedOwner: f.suggestedOwner },
    ]),
  );
}

beforeAll(async () => {
  const ldapPort = await freePort();
  await startSlapd(ldapPort);
  const componentsFile = writeCatalogFiles(
    path.join(work, 'components'),
    Object.entries(components).map(([name, owner]) =>
      componentEntity(name, { owner }),
    ),
  );
  const port = await freePort();
  // Sign-in as in production: the identity provider knows everyone who ever worked here; the
  // catalog decides who gets in.
  identityProvider = await startOidcIdentityProvider({
    port: await freePort(),
    backendUrl: `http://localhost:${port}`,
    clientId: 'lighthouse',
    clientSecret: 'directory-test-secret',
    people: people.map(uid => ({
      login: uid,
      email: `${uid}@acme.test`,
      name: uid,
    })),
  });
  backend = startBackend({
    port,
    env: {
      APP_CONFIG_auth_session_secret: 'directory-test-session-secret',
      APP_CONFIG_auth_providers_oidc: JSON.stringify({
        development: {
          metadataUrl: identityProvider.metadataUrl,
          clientId: 'lighthouse',
          clientSecret: 'directory-test-secret',
          prompt: 'auto',
          signIn: {
            resolvers: [{ resolver: 'emailMatchingActiveUserEntity' }],
          },
        },
      }),
      APP_CONFIG_backend_database_prefix: DATABASE_PREFIX,
      APP_CONFIG_catalog_locations: JSON.stringify([
        {
          type: 'file',
          target: componentsFile,
          rules: [{ allow: ['Component', 'Location'] }],
        },
      ]),
      APP_CONFIG_catalog_providers_ldapOrg: JSON.stringify({
        test: {
          target: ldap.url,
          bind: { dn: READER, secret: READER_SECRET },
          users: {
            dn: PEOPLE,
            options: { filter: '(objectClass=inetOrgPerson)' },
          },
          groups: {
            dn: GROUPS,
            options: { filter: '(objectClass=groupOfNames)' },
            set: { 'spec.type': 'team' },
          },
          // Triggered by the test; the first sync runs at start.
          schedule: { frequency: 'PT1H', timeout: 'PT5M' },
        },
      }),
      APP_CONFIG_lighthouse_directory_disabledUser: JSON.stringify({
        attribute: 'employeeType',
        value: 'former',
      }),
      APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([
        'user:default/guest',
      ]),
    },
  });
  backend.child.stdout?.on('data', (d: Buffer) => {
    for (const line of String(d).split('\n')) {
      const at = line.indexOf("Directory sync 'test'");
      if (at >= 0) syncLog.push(line.slice(at));
    }
  });
  await waitForReady(backend);
  token = await guestToken(backend.baseUrl);
});

afterAll(async () => {
  if (backend) await stopBackend(backend);
  await stopSlapd();
  await identityProvider?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the company directory', () => {
  let before: Map<string, any>;

  it('brings people and teams in a hierarchy into the catalog', async () => {
    before = await poll(
      'the first directory sync to be served',
      async () => {
        const org = await orgEntities();
        return org.size === people.length + Object.keys(groups).length &&
          org.get('user:default/jo')?.spec.memberOf.length
          ? org
          : undefined;
      },
      180_000,
    );
    expect(syncLog[0]).toMatch(/^Directory sync 'test' succeeded/);
    const anna = before.get('user:default/anna');
    expect(anna.spec.profile).toEqual({
      displayName: 'Anna Example',
      email: 'anna@acme.test',
    });
    expect(anna.spec.memberOf).toEqual(['group:default/web']);
    expect(summary(before.get('group:default/web'))).toMatchObject({
      parent: 'group:default/engineering',
    });
    expect(before.get('group:default/engineering').spec.children).toEqual([
      'group:default/data',
      'group:default/web',
    ]);

    // The components come from their own file: the check needs them served too.
    await poll(
      'the components to be served',
      async () => {
        const res = await api(
          backend.baseUrl,
          token,
          '/api/catalog/entities?filter=kind=component&fields=metadata.name',
        );
        const served = new Set(
          ((await res.json()) as any[]).map(e => e.metadata.name),
        );
        return Object.keys(components).every(name => served.has(name));
      },
      180_000,
    );
    const findings = await check();
    expect(findings.get('gus-tool')).toEqual({
      type: 'userOwner',
      suggestedOwner: 'group:default/support',
    });
    expect(findings.get('billing-api')?.type).toBe('userOwner');
    expect(findings.has('web-shop')).toBe(false);
    expect(findings.has('warehouse-etl')).toBe(false);
    // Warnings notify no one.
    expect(await inboxes()).toEqual([]);

    for (const uid of ['ben', 'carl']) {
      const signIn = await signInWithOidc(backend.baseUrl, uid);
      expect([uid, signIn.error]).toEqual([uid, undefined]);
      expect(signIn.response?.backstageIdentity.identity.userEntityRef).toBe(
        `user:default/${uid}`,
      );
    }
  });

  it('reflects a deletion, a disabled user, an emptied team and a move after one sync and one check', async () => {
    await changeDirectory(
      [
        `dn: ${member('ben')}\nchangetype: delete`,
        `dn: ${member(
          'carl',
        )}\nchangetype: modify\nreplace: employeeType\nemployeeType: former`,
        // groupOfNames needs a member: the empty DN, as OpenLDAP sites do for an empty group.
        `dn: cn=data,${GROUPS}\nchangetype: modify\nreplace: member\nmember:`,
        `dn: cn=engineering,${GROUPS}\nchangetype: modify\nadd: member\nmember: ${member(
          'emil',
        )}`,
        `dn: cn=support,${GROUPS}\nchangetype: modify\ndelete: member\nmember: ${member(
          'gus',
        )}`,
        `dn: cn=web,${GROUPS}\nchangetype: modify\ndelete: member\nmember: ${member(
          'ben',
        )}\n-\nadd: member\nmember: ${member('gus')}`,
      ].join('\n\n'),
    );
    expect(await sync()).toMatch(/^Directory sync 'test' succeeded/);

    const after = await poll(
      'the catalog to serve the changes',
      async () => {
        const org = await orgEntities();
        return !org.has('user:default/ben') &&
          org.get('user:default/carl')?.metadata.annotations?.[MARKER] &&
          org.get('user:default/gus')?.spec.memberOf[0] ===
            'group:default/web' &&
          org.get('user:default/emil')?.spec.memberOf[0] ===
            'group:default/engineering'
          ? org
          : undefined;
      },
      120_000,
    );
    // The disabled user still shows by name; the deleted one is gone.
    expect(after.get('user:default/carl').spec.profile.displayName).toBe(
      'Carl Example',
    );
    expect(await entity('user:default/ben')).toBeUndefined();
    // Nothing else changed.
    const changed = new Set([
      'user:default/ben',
      'user:default/carl',
      'user:default/gus',
      'user:default/emil',
    ]);
    const unchanged = (org: Map<string, any>) =>
      Object.fromEntries(
        [...before.keys()]
          .filter(ref => !changed.has(ref))
          .map(ref => [ref, org.has(ref) ? summary(org.get(ref)) : 'missing']),
      );
    expect(unchanged(after)).toEqual(unchanged(before));
    expect(after.size).toBe(before.size - 1);

    const findings = await check();
    const web = 'group:default/web';
    expect(Object.fromEntries(findings)).toEqual({
      'billing-api': { type: 'departedUser', suggestedOwner: web },
      'checkout-web': { type: 'departedUser', suggestedOwner: web },
      'warehouse-etl': {
        type: 'emptyGroup',
        suggestedOwner: 'group:default/engineering',
      },
      'gus-tool': { type: 'userOwner', suggestedOwner: web },
    });
    expect(findings.has('web-shop')).toBe(false);
    expect(findings.has('support-portal')).toBe(false);
    expect(findings.size).toBe(4);

    // The suggested team is told: each member of web (the deleted ben no longer is one) gets one
    // notification naming both of the departed users' components; engineering, suggested for the
    // emptied team's component, reaches its members and those of its child teams.
    const stored = await inboxes();
    const titlesOf = (user: string) =>
      stored.filter(n => n.user === user).map(n => n.title);
    const departures = stored.filter(
      n => n.title === '2 entities need a new owner',
    );
    expect(departures.map(n => n.user)).toEqual([
      'user:default/anna',
      'user:default/carl',
      'user:default/gus',
      'user:default/jo',
    ]);
    for (const n of departures) {
      expect(n.topic).toBe('owner-validation');
      expect(n.description).toContain('component:default/billing-api');
      expect(n.description).toContain('component:default/checkout-web');
    }
    expect(titlesOf('user:default/hana')).toEqual([
      'warehouse-etl needs a new owner',
    ]);
    expect(titlesOf('user:default/ben')).toEqual([]);
    expect(titlesOf('user:default/fay')).toEqual([]);

    // Sign-in is refused for the deleted and the disabled person, with the reason; others get in.
    const deleted = await signInWithOidc(backend.baseUrl, 'ben');
    expect(deleted.response).toBeUndefined();
    expect(deleted.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        "Sign-in refused: no user in the catalog has the email 'ben@acme.test'",
    });
    const disabled = await signInWithOidc(backend.baseUrl, 'carl');
    expect(disabled.response).toBeUndefined();
    expect(disabled.error).toMatchObject({
      name: 'NotAllowedError',
      message: "Sign-in refused: 'user:default/carl' is marked as departed",
    });
    const moved = await signInWithOidc(backend.baseUrl, 'gus');
    expect(
      [
        ...moved.response!.backstageIdentity.identity.ownershipEntityRefs,
      ].sort(),
    ).toEqual(['group:default/web', 'user:default/gus']);
  });

  it('keeps the catalog as it was when the directory fails, and keeps serving', async () => {
    const kept = await orgEntities();
    const expectKept = async () => {
      const now = await orgEntities();
      expect([...now.keys()].sort()).toEqual([...kept.keys()].sort());
      for (const [ref, e] of kept) {
        expect([ref, summary(now.get(ref))]).toEqual([ref, summary(e)]);
      }
    };
    // A change that a failed sync must not apply.
    await changeDirectory(`dn: ${member('anna')}\nchangetype: delete`);

    // A malformed entry: a user name that is no valid entity name.
    await changeDirectory(
      `dn: uid=bad name,${PEOPLE}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: bad name\ncn: Bad\nsn: Name`,
    );
    expect(await sync()).toContain(
      `Directory sync 'test' failed: Directory entry 'uid=bad name,${PEOPLE}' has the user name 'bad name' in 'uid' (catalog.providers.ldapOrg.test.users.map.name), which is not a valid entity name`,
    );
    await expectKept();
    await changeDirectory(`dn: uid=bad name,${PEOPLE}\nchangetype: delete`);

    // Wrong credentials.
    await changeDirectory(
      `dn: ${READER}\nchangetype: modify\nreplace: userPassword\nuserPassword: rotated`,
    );
    const refused = await sync();
    expect(refused).toContain(
      `Directory sync 'test' failed: The directory refused the bind as '${READER}': check catalog.providers.ldapOrg.test.bind.dn and catalog.providers.ldapOrg.test.bind.secret`,
    );
    expect(refused).not.toContain(READER_SECRET);
    await expectKept();
    await changeDirectory(
      `dn: ${READER}\nchangetype: modify\nreplace: userPassword\nuserPassword: ${READER_SECRET}`,
    );

    // The directory unreachable.
    await stopSlapd();
    expect(await sync()).toContain(
      `Directory sync 'test' failed: Cannot reach the directory at '${ldap.url}' (catalog.providers.ldapOrg.test.target): ECONNREFUSED; the catalog keeps the users and groups of the last successful sync`,
    );
    await expectKept();
    expect((await check()).size).toBe(4);
    expect(await entity('component:default/web-shop')).toBeDefined();
  });
});
