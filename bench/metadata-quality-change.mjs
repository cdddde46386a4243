#!/usr/bin/env node
// Time from a changed catalog-info.yaml to the new metadata-quality score, on the real backend and an
// embedded PostgreSQL. The change is announced the way the portal's refresh button does it (POST
// /api/catalog/refresh); without it the catalog's own processing interval (minutes) dominates.
//   BENCH_PORT (default 7028)   BENCH_POSTGRES_PORT (default 5438)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { poll } = requireWorkspace('@internal/backend-test-utils');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-quality-change-'));
const file = path.join(dir, 'catalog-info.yaml');
const entity = extra => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: quality-probe
  description: A component whose metadata the benchmark improves.
${extra}spec:
  type: service
  lifecycle: production
  owner: group:default/platform
  system: developer-portal
`;
fs.writeFileSync(file, entity(''));

const backend = await startBenchBackend({
  port: Number(process.env.BENCH_PORT || 7028),
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5438),
  locations: [
    { type: 'file', target: file },
    { type: 'file', target: path.join(root, 'examples/org.yaml') },
    { type: 'file', target: path.join(root, 'examples/systems.yaml') },
    { type: 'file', target: path.join(root, 'examples/domains.yaml') },
  ],
});

const score = async () => {
  const res = await backend.api(
    '/api/metadata-quality/entities/component/default/quality-probe',
  );
  return res.ok ? (await res.json()).score : undefined;
};

let code = 0;
try {
  const ready = await backend.ready();
  await poll(
    'a first score',
    async () => (await score()) !== undefined,
    300_000,
    500,
  );
  const before = await score();
  // Steady state: past the plugin's start-up delay (45 s) before its change pass begins.
  await new Promise(r =>
    setTimeout(r, Math.max(0, ready + 50_000 - Date.now())),
  );

  fs.writeFileSync(
    file,
    entity(`  annotations:
    backstage.io/techdocs-ref: dir:.
  links:
    - url: https://runbooks.acme-logistics.example/quality-probe
      title: Runbook
    - url: https://grafana.acme-logistics.example/d/quality-probe
      title: Dashboard
`),
  );
  const changed = Date.now();
  await backend.api('/api/catalog/refresh', {
    method: 'POST',
    body: JSON.stringify({ entityRef: 'component:default/quality-probe' }),
  });
  await poll(
    'the catalog to serve the change',
    async () => {
      const res = await backend.api(
        '/api/catalog/entities/by-name/component/default/quality-probe',
      );
      return (
        res.ok &&
        (await res.json()).metadata.annotations?.['backstage.io/techdocs-ref']
      );
    },
    120_000,
    100,
  );
  const inCatalog = Date.now();
  await poll(
    'the score to change',
    async () => (await score()) !== before,
    120_000,
    100,
  );
  const scored = Date.now();
  console.log(
    `quality_change_in_catalog: ${((inCatalog - changed) / 1000).toFixed(1)} s`,
  );
  console.log(
    `quality_change_to_score: ${((scored - changed) / 1000).toFixed(1)} s`,
  );
  console.log(
    `quality_score_before_after: ${before} -> ${await score()} points`,
  );
} catch (e) {
  console.error(`bench: ${e.message}\n${backend.output().slice(-4000)}`);
  code = 1;
}
await backend.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
