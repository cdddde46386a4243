#!/usr/bin/env node
// Directory sync: a real OpenLDAP (scripts/lib/slapd.mjs) with N people in M groups (a tree) and the
// real backend reading it with the stock LDAP provider (plugins/catalog-backend-module-ldap-directory)
// on its default schedules. Prints `name: value unit` lines. Settings:
//   BENCH_DIRECTORY_PEOPLE (5000)  BENCH_DIRECTORY_GROUPS (500)  BENCH_DIRECTORY_INTERVAL (PT1M)
//   BENCH_DIRECTORY_PORT (7067)  BENCH_DIRECTORY_POSTGRES_PORT (5467)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ldapModify, startSlapd, SUFFIX } from '../scripts/lib/slapd.mjs';
import { startBenchBackend } from './lib/backend.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { generateComponents, generateOrg, poll, writeCatalogFiles } =
  requireWorkspace('@internal/backend-test-utils');

const peopleCount = Number(process.env.BENCH_DIRECTORY_PEOPLE || 5000);
const groupCount = Number(process.env.BENCH_DIRECTORY_GROUPS || 500);
const interval = process.env.BENCH_DIRECTORY_INTERVAL || 'PT1M';
const port = Number(process.env.BENCH_DIRECTORY_PORT || 7067);
const postgresPort = Number(process.env.BENCH_DIRECTORY_POSTGRES_PORT || 5467);
const PEOPLE = `ou=people,${SUFFIX}`;
const GROUPS = `ou=groups,${SUFFIX}`;
const OWNED = 50;

// The generated org (groups in a tree of four children each, people spread over the groups) as
// directory entries: a group's members are its people and its child groups.
function directoryLdif() {
  const org = generateOrg({
    groups: groupCount,
    users: peopleCount,
    userPrefix: 'person',
  });
  const members = new Map(
    org.filter(e => e.kind === 'Group').map(g => [g.metadata.name, []]),
  );
  const out = [
    `dn: ${PEOPLE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ${GROUPS}\nobjectClass: organizationalUnit\nou: groups`,
  ];
  for (const e of org) {
    const name = e.metadata.name;
    if (e.kind === 'User') {
      out.push(
        `dn: uid=${name},${PEOPLE}\nobjectClass: inetOrgPerson\nuid: ${name}\ncn: ${name}\nsn: ${name}\nmail: ${name}@acme.test`,
      );
      for (const group of e.spec.memberOf)
        members.get(group).push(`uid=${name},${PEOPLE}`);
    } else if (e.spec.parent) {
      members.get(e.spec.parent).push(`cn=${name},${GROUPS}`);
    }
  }
  for (const [name, dns] of members) {
    const lines = dns.length ? dns.map(dn => `member: ${dn}`) : ['member:'];
    out.push(
      `dn: cn=${name},${GROUPS}\nobjectClass: groupOfNames\ncn: ${name}\n${lines.join(
        '\n',
      )}`,
    );
  }
  return `${out.join('\n\n')}\n`;
}

const work = fs.mkdtempSync(
  path.join(process.env.TMPDIR || '/tmp', 'portal-bench-directory-'),
);
const ldapPort = 20000 + Math.floor(Math.random() * 20000);
const loadStarted = Date.now();
const ldap = await startSlapd({
  dir: work,
  port: ldapPort,
  ldif: directoryLdif(),
});
console.log(
  `directory_load_time: ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
);

// Components owned by people, so a deletion has a finding to cause.
const componentsFile = writeCatalogFiles(
  path.join(work, 'components'),
  generateComponents(OWNED, {
    prefix: 'owned-by-person',
    owner: i => `user:default/person-${i}`,
    systems: [],
  }),
);

const backend = await startBenchBackend({
  port,
  postgresPort,
  locations: [
    {
      type: 'file',
      target: componentsFile,
      rules: [{ allow: ['Component', 'Location'] }],
    },
  ],
  env: {
    APP_CONFIG_catalog_providers_ldapOrg: JSON.stringify({
      bench: {
        target: ldap.url,
        bind: { dn: ldap.bindDn, secret: ldap.secret },
        users: {
          dn: PEOPLE,
          options: { filter: '(objectClass=inetOrgPerson)', paged: true },
        },
        groups: {
          dn: GROUPS,
          options: { filter: '(objectClass=groupOfNames)', paged: true },
        },
        schedule: { frequency: interval, timeout: 'PT10M' },
      },
    }),
  },
});
try {
  const readyAt = await backend.ready();
  const count = async kind => {
    const res = await backend.api(
      `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
    );
    return res.ok ? (await res.json()).totalItems : 0;
  };
  // The first sync starts with the backend; it is done when every person and group is served.
  await poll(
    'every person and group to be served',
    async () =>
      (await count('user')) >= peopleCount &&
      (await count('group')) >= groupCount,
    900_000,
    500,
  );
  console.log(
    `directory_sync_time: ${((Date.now() - readyAt) / 1000).toFixed(1)} s`,
  );
  console.log(`directory_people: ${await count('user')} entities`);
  console.log(`directory_groups: ${await count('group')} entities`);

  // Wait until the owner check knows person-0's team, then delete person-0 from the directory.
  const finding = async type => {
    const res = await backend.api(
      `/api/owner-validation/entities/component/default/owned-by-person-0/findings`,
    );
    if (!res.ok) return undefined;
    const body = await res.json();
    return body.findings.find(f => f.type === type && !f.resolvedAt);
  };
  await poll(
    'the userOwner finding of owned-by-person-0',
    () => finding('userOwner'),
    300_000,
    500,
  );
  const deletedAt = Date.now();
  await ldapModify(ldap, `dn: uid=person-0,${PEOPLE}\nchangetype: delete\n`);
  await poll(
    'the departedUser finding of owned-by-person-0',
    () => finding('departedUser'),
    900_000,
    500,
  );
  console.log(
    `directory_deletion_to_finding: ${((Date.now() - deletedAt) / 1000).toFixed(
      1,
    )} s`,
  );
  console.log(`directory_sync_interval: ${interval}`);
  console.log(`backend_peak_rss: ${backend.peakRssMiB().toFixed(0)} MiB`);
} finally {
  await backend.stop();
  await ldap.stop();
  spawnSync('rm', ['-rf', work]);
}
