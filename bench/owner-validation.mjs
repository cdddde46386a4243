#!/usr/bin/env node
// Owner validation: one full check of 10,000 owned entities against 1,000 users and groups, the
// pure check (-common) plus the store's writes, on a throw-away embedded PostgreSQL. Prints
// figures, one a line: `name: value unit`. Settings:
//   BENCH_OWNED_ENTITIES (10000)   BENCH_ORG_ENTITIES (1000)   BENCH_OWNER_POSTGRES_PORT (5443)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const knexFactory = requireWorkspace('knex');
const { catalogEntity, generateOrg } = requireWorkspace(
  '@internal/backend-test-utils',
);
const { checkOwners, DEFAULT_DEPARTED_MARKER_KEY, userTeams } =
  requireWorkspace('@internal/plugin-owner-validation-common');
const { DatabaseFindingsStore } = requireWorkspace(
  '@internal/plugin-owner-validation-backend',
);

const ownedCount = Number(process.env.BENCH_OWNED_ENTITIES || 10000);
const orgCount = Number(process.env.BENCH_ORG_ENTITIES || 1000);
const groupCount = Math.max(2, Math.round(orgCount / 5));
const userCount = orgCount - groupCount;

// Groups in a tree (every tenth one empty), users in groups (every twentieth departed), and owned
// entities whose owners are mostly fine with a share of every problem.
const entities = generateOrg({
  groups: groupCount,
  users: userCount,
  emptyGroupEvery: 10,
  userAnnotations: u =>
    u % 20 === 0 ? { [DEFAULT_DEPARTED_MARKER_KEY]: 'true' } : undefined,
});
const owners = i => {
  switch (i % 10) {
    case 0:
      return `user:user-${i % userCount}`;
    case 1:
      return `team-${(i % groupCount) - ((i % groupCount) % 10) + 9}`;
    case 2:
      return i % 20 === 2 ? 'group:' : `group:default/gone-${i}`;
    case 3:
      return i % 30 === 3 ? undefined : `team-${i % groupCount}`;
    default:
      return `team-${i % groupCount}`;
  }
};
const kinds = ['Component', 'API', 'Resource', 'System'];
for (let i = 0; i < ownedCount; i++) {
  entities.push(
    catalogEntity(kinds[i % kinds.length], `entity-${i}`, {
      type: 'service',
      owner: owners(i),
    }),
  );
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-bench-'));
const pg = await startEmbeddedPostgres({
  dataDir: path.join(work, 'pg'),
  port: Number(process.env.BENCH_OWNER_POSTGRES_PORT || 5443),
  persistent: false,
});
const knex = knexFactory({
  client: 'pg',
  connection: { ...pg.connection, database: 'postgres' },
});
try {
  const store = await DatabaseFindingsStore.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });

  async function fullCheck() {
    const startedAt = new Date();
    const t0 = performance.now();
    const findings = checkOwners(entities, {
      lastKnownTeams: await store.getLastKnownTeams(),
    });
    const t1 = performance.now();
    const result = await store.recordRun({
      findings,
      userTeams: userTeams(entities),
      entityCount: entities.length,
      startedAt,
      finishedAt: new Date(),
    });
    const t2 = performance.now();
    return {
      checkMs: t1 - t0,
      totalMs: t2 - t0,
      findings: findings.length,
      result,
    };
  }

  const first = await fullCheck();
  const second = await fullCheck();
  const s = ms => (ms / 1000).toFixed(3);
  console.log(`owner_validation_full_check: ${s(first.totalMs)} s`);
  console.log(`owner_validation_pure_check: ${s(first.checkMs)} s`);
  console.log(`owner_validation_steady_check: ${s(second.totalMs)} s`);
  console.log(`owner_validation_findings: ${first.findings} findings`);
  console.log(`owner_validation_entities: ${entities.length} entities`);
} finally {
  await knex.destroy();
  await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
