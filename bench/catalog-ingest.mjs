#!/usr/bin/env node
// Backend cold start to readiness, and catalog ingestion of N generated entities, on a throw-away
// embedded PostgreSQL. Prints figures, one a line: `name: value unit`. Run: scripts/portal bench
//   BENCH_ENTITIES (default 10000)   BENCH_PORT (default 7027)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';
import { descendants, peakRssMiB, waitFor } from './lib/process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_ENTITIES || 10000);
const port = Number(process.env.BENCH_PORT || 7027);
const baseUrl = `http://localhost:${port}`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
const entitiesFile = path.join(work, 'entities.yaml');
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

const pg = await startEmbeddedPostgres({
  dataDir: path.join(work, 'pg'),
  port: Number(process.env.BENCH_POSTGRES_PORT || 5437),
  persistent: false,
});
const { host, port: pgPort, user, password } = pg.connection;

const started = Date.now();
const backend = spawn(
  'yarn',
  ['backstage-cli', 'package', 'start', '--config', '../../app-config.yaml'],
  {
    cwd: path.join(root, 'packages', 'backend'),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      POSTGRES_HOST: host,
      POSTGRES_PORT: String(pgPort),
      POSTGRES_USER: user,
      POSTGRES_PASSWORD: password,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: baseUrl,
      APP_CONFIG_catalog_locations: JSON.stringify([
        { type: 'file', target: entitiesFile, rules: [{ allow: ['Component'] }] },
      ]),
    },
  },
);
let stderr = '';
backend.stderr.on('data', d => (stderr = (stderr + d).slice(-4000)));

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, peakRssMiB(descendants(backend.pid)));
}, 250);

async function stop(code) {
  clearInterval(sampler);
  try {
    process.kill(-backend.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise(r => setTimeout(r, 2000));
  await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code);
}

try {
  await waitFor(async () => (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok, 180_000);
  const ready = Date.now();
  console.log(`backend_cold_start: ${((ready - started) / 1000).toFixed(1)} s`);

  const tokenRes = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const token = (await tokenRes.json()).backstageIdentity.token;
  const ingested = async () => {
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    return res.ok ? (await res.json()).totalItems : 0;
  };
  await waitFor(async () => (await ingested()) >= count, 900_000, 1000);
  const seconds = (Date.now() - ready) / 1000;
  console.log(`catalog_ingest_entities: ${count} entities`);
  console.log(`catalog_ingest_time: ${seconds.toFixed(1)} s`);
  console.log(`catalog_ingest_rate: ${(count / seconds).toFixed(0)} entities/s`);
  peak = Math.max(peak, peakRssMiB(descendants(backend.pid)));
  console.log(`backend_peak_rss: ${peak.toFixed(0)} MiB`);
  await stop(0);
} catch (e) {
  console.error(`bench: ${e.message}\n${stderr}`);
  await stop(1);
}
