#!/usr/bin/env node
// Backend cold start to readiness, and catalog ingestion of N generated entities, on a throw-away
// embedded PostgreSQL. Prints figures, one a line: `name: value unit`. Run: scripts/portal bench
//   BENCH_ENTITIES (default 10000)   BENCH_PORT (default 7027)   BENCH_POSTGRES_PORT (default 5437)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchBackend } from './lib/backend.mjs';
import { waitFor } from './lib/process.mjs';

const count = Number(process.env.BENCH_ENTITIES || 10000);
const entitiesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ingest-')), 'entities.yaml');
const docs = [];
for (let i = 0; i < count; i++) {
  docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-service-${i}
  namespace: bench
  description: Generated service number ${i} for the ingestion benchmark.
  tags: [bench, generated]
  annotations:
    backstage.io/source-location: url:https://git.acme-logistics.example/bench/service-${i}
spec:
  type: service
  lifecycle: production
  owner: group:default/${['platform', 'payments', 'logistics', 'web'][i % 4]}
  system: ${['payments', 'shipping', 'developer-portal'][i % 3]}
`);
}
fs.writeFileSync(entitiesFile, docs.join('---\n'));

const backend = await startBenchBackend({
  port: Number(process.env.BENCH_PORT || 7027),
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5437),
  locations: [{ type: 'file', target: entitiesFile, rules: [{ allow: ['Component'] }] }],
});

let code = 0;
try {
  const ready = await backend.ready();
  console.log(`backend_cold_start: ${((ready - backend.startedAt) / 1000).toFixed(1)} s`);
  const ingested = async () => {
    const res = await backend.api('/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1');
    return res.ok ? (await res.json()).totalItems : 0;
  };
  await waitFor(async () => (await ingested()) >= count, 900_000, 1000);
  const seconds = (Date.now() - ready) / 1000;
  console.log(`catalog_ingest_entities: ${count} entities`);
  console.log(`catalog_ingest_time: ${seconds.toFixed(1)} s`);
  console.log(`catalog_ingest_rate: ${(count / seconds).toFixed(0)} entities/s`);
  console.log(`backend_peak_rss: ${backend.peakRssMiB().toFixed(0)} MiB`);
} catch (e) {
  console.error(`bench: ${e.message}\n${backend.stderr()}`);
  code = 1;
}
await backend.stop();
fs.rmSync(path.dirname(entitiesFile), { recursive: true, force: true });
process.exit(code);
