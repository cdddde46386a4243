#!/usr/bin/env node
// Change detection (issue 16): with BENCH_ENTITIES generated components in the catalog and nothing
// changing, what the backend and PostgreSQL spend (percent of one core over BENCH_IDLE_SECONDS) and
// how many changes the catalog's own re-processing queues (none: the hash is unchanged); then a
// changed catalog-info.yaml (announced like the refresh button does) to its new quality score, and
// to its new owner finding. Real backend, embedded PostgreSQL.
//   BENCH_ENTITIES (default 10000)   BENCH_IDLE_SECONDS (default 30)
//   BENCH_PORT (default 7032)   BENCH_POSTGRES_PORT (default 5446)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { descendants } from './lib/process.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const knexFactory = requireWorkspace('knex');
const { generateComponents, poll, writeCatalogFiles } = requireWorkspace(
  '@internal/backend-test-utils',
);

const count = Number(process.env.BENCH_ENTITIES || 10000);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 30);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-catalog-changes-'));
const probe = path.join(dir, 'probe', 'catalog-info.yaml');
fs.mkdirSync(path.dirname(probe));
const probeEntity = ({ owner = 'group:default/platform', extra = '' } = {}) =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: change-probe
  description: A component the benchmark changes.
${extra}spec:
  type: service
  lifecycle: production
  owner: ${owner}
  system: developer-portal
`;
fs.writeFileSync(probe, probeEntity());
const generated = writeCatalogFiles(
  path.join(dir, 'generated'),
  generateComponents(count, { prefix: 'bench-service', namespace: 'bench' }),
);

/**
 * CPU seconds (user + system) of the processes, from /proc, with what their exited children used
 * (PostgreSQL's connections come and go): the difference between two readings is the CPU in between.
 */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100;
}

const backend = await startBenchBackend({
  port: Number(process.env.BENCH_PORT || 7032),
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5446),
  locations: [
    {
      type: 'file',
      target: generated,
      rules: [{ allow: ['Component', 'Location'] }],
    },
    { type: 'file', target: probe },
    { type: 'file', target: path.join(root, 'examples/org.yaml') },
    { type: 'file', target: path.join(root, 'examples/systems.yaml') },
    { type: 'file', target: path.join(root, 'examples/domains.yaml') },
  ],
});
const queueDb = knexFactory({
  client: 'pg',
  connection: {
    ...backend.postgres,
    database: 'backstage_plugin_catalog-changes',
  },
});

const refresh = () =>
  backend.api('/api/catalog/refresh', {
    method: 'POST',
    body: JSON.stringify({ entityRef: 'component:default/change-probe' }),
  });
const score = async () => {
  const res = await backend.api(
    '/api/metadata-quality/entities/component/default/change-probe',
  );
  return res.ok ? (await res.json()).score : undefined;
};
const served = async () => {
  const res = await backend.api(
    '/api/catalog/entities/by-name/component/default/change-probe',
  );
  return res.ok ? res.json() : undefined;
};
const ownerFindings = async () => {
  const res = await backend.api(
    '/api/owner-validation/entities/component/default/change-probe/findings',
  );
  return res.ok
    ? (await res.json()).findings.filter(f => !f.resolvedAt).map(f => f.type)
    : [];
};
const queued = async () =>
  Number((await queueDb('catalog_change_queue').count({ n: '*' }))[0].n);
// A consumer nobody drains: what is queued for it while idle is what every consumer got.
const observe = () =>
  queueDb('catalog_change_consumers').insert({ consumer: 'bench-observer' });
const observed = async () =>
  queueDb('catalog_change_queue')
    .where('consumer', 'bench-observer')
    .select('reason')
    .count({ n: '*' })
    .groupBy('reason');

const report = (name, ms) =>
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s`);

let code = 0;
try {
  await backend.ready();
  const started = Date.now();
  await poll(
    `the catalog to serve ${count} generated components`,
    async () => {
      const res = await backend.api(
        '/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1',
      );
      return res.ok && (await res.json()).totalItems >= count;
    },
    1_800_000,
    2000,
  );
  // Every entity is new to the processor once: wait until the consumers have handled them all.
  await poll(
    'the change queues to drain',
    async () => (await queued()) === 0,
    1_800_000,
    2000,
  );
  await poll(
    'a first score',
    async () => (await score()) !== undefined,
    300_000,
    500,
  );
  console.log(
    `catalog_changes_first_drain: ${((Date.now() - started) / 1000).toFixed(
      0,
    )} s for ${count} entities`,
  );

  // Idle: nothing changes; the catalog keeps re-processing entities on its own interval.
  await new Promise(r => setTimeout(r, 10_000));
  const backendPids = descendants(backend.pid);
  // PostgreSQL's postmaster is this process's other child; its connections are its children.
  const postgresPids = () =>
    descendants(process.pid).filter(
      pid => pid !== process.pid && !backendPids.includes(pid),
    );
  await observe();
  const [b0, p0, t0] = [
    cpuSeconds(backendPids),
    cpuSeconds(postgresPids()),
    Date.now(),
  ];
  await new Promise(r => setTimeout(r, idleSeconds * 1000));
  const seconds = (Date.now() - t0) / 1000;
  const backendCpu = (100 * (cpuSeconds(backendPids) - b0)) / seconds;
  const postgresCpu = (100 * (cpuSeconds(postgresPids()) - p0)) / seconds;
  console.log(`catalog_changes_entities: ${count + 1} components`);
  console.log(`idle_backend_cpu: ${backendCpu.toFixed(1)} % of a core`);
  console.log(`idle_postgres_cpu: ${postgresCpu.toFixed(1)} % of a core`);
  const queuedWhileIdle = await observed();
  console.log(
    `idle_changes_queued: ${queuedWhileIdle.reduce(
      (sum, r) => sum + Number(r.n),
      0,
    )} changes`,
  );
  for (const { reason, n } of queuedWhileIdle) {
    console.log(`idle_changes_queued_${reason}: ${n} changes`);
  }
  const sample = await queueDb('catalog_change_queue')
    .where('consumer', 'bench-observer')
    .limit(3)
    .pluck('entity_ref');
  if (sample.length)
    console.error(`queued while idle, e.g. ${sample.join(', ')}`);

  // A changed catalog-info.yaml: links and docs raise the score.
  const before = await score();
  fs.writeFileSync(
    probe,
    probeEntity({
      extra: `  annotations:
    backstage.io/techdocs-ref: dir:.
  links:
    - url: https://runbooks.acme-logistics.example/change-probe
      title: Runbook
`,
    }),
  );
  let changed = Date.now();
  await refresh();
  await poll(
    'the catalog to serve the change',
    async () => (await served())?.metadata.links?.length === 1,
    600_000,
    100,
  );
  let inCatalog = Date.now();
  await poll(
    'the new score',
    async () => (await score()) !== before,
    120_000,
    100,
  );
  report('change_in_catalog', inCatalog - changed);
  report('change_to_score', Date.now() - changed);
  report('catalog_to_score', Date.now() - inCatalog);

  // An owner that does not exist: an owner finding.
  fs.writeFileSync(probe, probeEntity({ owner: 'group:default/no-such-team' }));
  changed = Date.now();
  await refresh();
  await poll(
    'the catalog to serve the new owner',
    async () => (await served())?.spec.owner === 'group:default/no-such-team',
    600_000,
    100,
  );
  inCatalog = Date.now();
  await poll(
    'the owner finding',
    async () => (await ownerFindings()).includes('ownerNotFound'),
    120_000,
    100,
  );
  report('owner_change_in_catalog', inCatalog - changed);
  report('change_to_owner_finding', Date.now() - changed);
  report('catalog_to_owner_finding', Date.now() - inCatalog);
} catch (e) {
  console.error(`bench: ${e.message}\n${backend.output().slice(-4000)}`);
  code = 1;
}
await queueDb.destroy();
await backend.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
