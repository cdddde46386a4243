// Change detection figures (issue 16) of bench/catalog-changes.mjs and bench/scale.mjs, on a running
// bench backend: what the backend and PostgreSQL spend while nothing changes, and a changed
// catalog-info.yaml to its new quality score and to its new owner finding.
import fs from 'node:fs';
import path from 'node:path';
import { idleCpu } from './process.mjs';
import { requireWorkspace } from './workspace.mjs';

const knexFactory = requireWorkspace('knex');
const { poll } = requireWorkspace('@internal/backend-test-utils');

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

/** Writes the component the benchmark changes into `dir`; returns its catalog-info.yaml. */
export function writeProbe(dir) {
  const file = path.join(dir, 'probe', 'catalog-info.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, probeEntity());
  return file;
}

const report = (name, ms) =>
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s`);

/** The change queue's database of a bench backend, for the counts the figures need. */
export function openChangeQueue(backend) {
  const db = knexFactory({
    client: 'pg',
    connection: {
      ...backend.postgres,
      database: 'backstage_plugin_catalog-changes',
    },
  });
  return {
    /** Changes waiting for any consumer. */
    async queued() {
      return Number((await db('catalog_change_queue').count({ n: '*' }))[0].n);
    },
    /**
     * Over `seconds` with nothing changing: percent of a core the backend and PostgreSQL spend, and
     * the changes queued meanwhile, counted by a consumer nobody drains (what every consumer got).
     */
    async measureIdle(seconds) {
      // Let what the previous step started settle.
      await new Promise(r => setTimeout(r, 10_000));
      await db('catalog_change_consumers')
        .insert({ consumer: 'bench-observer' })
        .onConflict()
        .ignore();
      await db('catalog_change_queue')
        .where('consumer', 'bench-observer')
        .delete();
      const cpu = await idleCpu(backend.pid, seconds);
      console.log(`idle_backend_cpu: ${cpu.backend.toFixed(1)} % of a core`);
      console.log(`idle_postgres_cpu: ${cpu.postgres.toFixed(1)} % of a core`);
      const observed = await db('catalog_change_queue')
        .where('consumer', 'bench-observer')
        .select('reason', db.raw("split_part(entity_ref, ':', 1) as kind"))
        .count({ n: '*' })
        .groupBy('reason', 'kind');
      console.log(
        `idle_changes_queued: ${observed.reduce(
          (sum, r) => sum + Number(r.n),
          0,
        )} changes`,
      );
      for (const { reason, kind, n } of observed) {
        console.log(`idle_changes_queued_${reason}_${kind}: ${n} changes`);
      }
      const sample = await db('catalog_change_queue')
        .where('consumer', 'bench-observer')
        .limit(3)
        .pluck('entity_ref');
      if (sample.length) {
        console.error(`queued while idle, e.g. ${sample.join(', ')}`);
      }
      await db('catalog_change_consumers')
        .where('consumer', 'bench-observer')
        .delete();
      await db('catalog_change_queue')
        .where('consumer', 'bench-observer')
        .delete();
    },
    close: () => db.destroy(),
  };
}

/**
 * Edits the probe's catalog-info.yaml (announced like the refresh button does) and prints the time
 * until the catalog serves it, until its new quality score, and, for an owner that does not exist,
 * until its `ownerNotFound` finding.
 */
export async function measureChanges(backend, probe) {
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

  // Links and docs raise the score.
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
    1_800_000,
    100,
  );
  let inCatalog = Date.now();
  await poll(
    'the new score',
    async () => (await score()) !== before,
    300_000,
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
    1_800_000,
    100,
  );
  inCatalog = Date.now();
  await poll(
    'the owner finding',
    async () => (await ownerFindings()).includes('ownerNotFound'),
    300_000,
    100,
  );
  report('owner_change_in_catalog', inCatalog - changed);
  report('change_to_owner_finding', Date.now() - changed);
  report('catalog_to_owner_finding', Date.now() - inCatalog);
}
