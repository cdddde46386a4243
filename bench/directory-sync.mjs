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
import { waitFor } from './lib/process.mjs';

const peopleCount = Number(process.env.BENCH_DIRECTORY_PEOPLE || 5000);
const groupCount = Number(process.env.BENCH_DIRECTORY_GROUPS || 500);
const interval = process.env.BENCH_DIRECTORY_INTERVAL || 'PT1M';
const port = Number(process.env.BENCH_DIRECTORY_PORT || 7067);
const postgresPort = Number(process.env.BENCH_DIRECTORY_POSTGRES_PORT || 5467);
const PEOPLE = `ou=people,${SUFFIX}`;
const GROUPS = `ou=groups,${SUFFIX}`;
const OWNED = 50;

// Groups in a tree of four children each; people spread over the groups.
function directoryLdif() {
  const out = [
    `dn: ${PEOPLE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ${GROUPS}\nobjectClass: organizationalUnit\nou: groups`,
  ];
  for (let p = 0; p < peopleCount; p++) {
    out.push(
      `dn: uid=person-${p},${PEOPLE}\nobjectClass: inetOrgPerson\nuid: person-${p}\ncn: Person ${p}\nsn: ${p}\nmail: person-${p}@acme.test`,
    );
  }
  for (let g = 0; g < groupCount; g++) {
    const members = [];
    for (let p = g; p < peopleCount; p += groupCount)
      members.push(`member: uid=person-${p},${PEOPLE}`);
    for (let c = g * 4 + 1; c <= g * 4 + 4 && c < groupCount; c++)
      members.push(`member: cn=team-${c},${GROUPS}`);
    if (!members.length) members.push('member:');
    out.push(
      `dn: cn=team-${g},${GROUPS}\nobjectClass: groupOfNames\ncn: team-${g}\n${members.join(
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
const componentsFile = path.join(work, 'components.yaml');
fs.writeFileSync(
  componentsFile,
  Array.from(
    { length: OWNED },
    (_, i) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: owned-by-person-${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: user:default/person-${i}\n`,
  ).join('---\n'),
);

const backend = await startBenchBackend({
  port,
  postgresPort,
  locations: [{ type: 'file', target: componentsFile }],
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
  await waitFor(
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
  await waitFor(async () => Boolean(await finding('userOwner')), 300_000, 500);
  const deletedAt = Date.now();
  await ldapModify(ldap, `dn: uid=person-0,${PEOPLE}\nchangetype: delete\n`);
  await waitFor(
    async () => Boolean(await finding('departedUser')),
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
