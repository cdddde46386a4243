#!/usr/bin/env node
// The catalog at size (issue 16), one backend and one ingestion for every figure: BENCH_ENTITIES
// generated components (files of 500 under one Location) owned by a generated org of BENCH_USERS
// users and BENCH_GROUPS groups, on the real backend with every plugin and an embedded PostgreSQL.
// In order: ingestion time and rate, the change queues' first drain, idle CPU, a full quality
// evaluation and a full owner check through their HTTP routes (catalog reads included), a changed
// catalog-info.yaml to its new score and owner finding, the three listings the issue sets targets
// for at 20 clients (`listings20_*`), the whole read mix at 20 and at 50 clients,
// first rows in Chromium when the app is built (`yarn workspace app build`), and peak RSS.
//   BENCH_ENTITIES (100000)  BENCH_USERS (5000)  BENCH_GROUPS (500)  BENCH_IDLE_SECONDS (60)
//   BENCH_LOAD_SECONDS (60)  BENCH_PORT (7034)  BENCH_POSTGRES_PORT (5448)
//   BENCH_PROCESSING_INTERVAL_MINUTES (the stock catalog's 100-150 s)
//   BENCH_DATA_DIR: keep the generated files and PostgreSQL's data there; a later run with the same
//   folder and sizes finds the catalog already ingested and measures the rest (ingestion at 100,000
//   takes most of an hour on 2 vCPU), printing `catalog_reused` instead of the ingestion figures;
//   with BENCH_PROCESSING_INTERVAL_MINUTES it first sets every entity's next processing one interval
//   away, as a fresh ingestion leaves it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { measureCatalogReadAll } from './lib/catalogRead.mjs';
import { measureChanges, openChangeQueue } from './lib/changes.mjs';
import { measureFirstRows } from './lib/firstRows.mjs';
import { runLoad } from './lib/load.mjs';
import {
  deferReusedProcessing,
  scaleBackendEnv,
  scaleDir,
  scaleSettings,
  waitForScaleCatalog,
  writeScaleCatalog,
} from './lib/scaleCatalog.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { poll } = requireWorkspace('@internal/backend-test-utils');

const settings = scaleSettings();
const { count, users, groups, processingMinutes, dataDir, reused } = settings;
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 60);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS || 60);
const port = Number(process.env.BENCH_PORT || 7034);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appBuilt = fs.existsSync(path.join(root, 'packages/app/dist/index.html'));
const hour = 3_600_000;

const dir = scaleDir(settings);
const { probe, locations } = writeScaleCatalog(dir, settings);

const baseUrl = `http://localhost:${port}`;
const backend = await startBenchBackend({
  port,
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5448),
  dataDir,
  locations,
  env: scaleBackendEnv(baseUrl, settings),
});
const changes = openChangeQueue(backend);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
let code = 0;
try {
  const readyAt = await backend.ready();
  console.log(`backend_cold_start: ${seconds(readyAt - backend.startedAt)}`);
  await waitForScaleCatalog(backend, settings);
  const ingest = Date.now() - readyAt;
  if (reused) {
    console.log(`catalog_reused: ${count + users + groups} entities`);
    if (processingMinutes) {
      await deferReusedProcessing(backend.postgres, processingMinutes);
    }
  } else {
    console.log(`catalog_ingest_time: ${seconds(ingest)}`);
    console.log(
      `catalog_ingest_rate: ${(
        (count + users + groups) /
        (ingest / 1000)
      ).toFixed(1)} entities/s`,
    );
    console.log(
      `backend_peak_rss_ingest: ${backend.peakRssMiB().toFixed(0)} MiB`,
    );
  }
  await poll(
    'the change queues to drain',
    async () => (await changes.queued()) === 0,
    hour,
    5000,
  );
  console.log(`catalog_changes_first_drain: ${seconds(Date.now() - readyAt)}`);

  await changes.measureIdle(idleSeconds);

  const readAll = await measureCatalogReadAll(backend);
  for (const [name, plugin] of [
    ['full_quality_evaluation', 'metadata-quality'],
    ['full_owner_check', 'owner-validation'],
  ]) {
    let took;
    // A scheduled run may hold the run lease for a moment: 409 means try again.
    await poll(
      `a ${plugin} run`,
      async () => {
        const t0 = Date.now();
        const res = await backend.api(`/api/${plugin}/evaluate`, {
          method: 'POST',
          timeoutMs: hour,
        });
        took = Date.now() - t0;
        if (res.status !== 409 && !res.ok) {
          throw new Error(
            `${plugin} evaluate: ${res.status} ${await res.text()}`,
          );
        }
        return res.ok;
      },
      hour,
      5000,
    );
    console.log(`${name}: ${seconds(took)}`);
    console.log(
      `${name}_vs_catalog_read_all: ${(took / 1000 / readAll).toFixed(2)} x`,
    );
  }

  await measureChanges(backend, probe);

  const component = () =>
    `bench/bench-service-${Math.floor(Math.random() * count)}`;
  // The listings issue 16 sets its targets for, then the whole mix at 20 and at 50 clients.
  for (const [prefix, clients, mix] of [
    ['listings20', 20, 'listings'],
    ['load20', 20, 'all'],
    ['load50', 50, 'all'],
  ]) {
    const { errors5xx, failures } = await runLoad({
      backend,
      clients,
      seconds: loadSeconds,
      component,
      prefix,
      mix,
    });
    if (errors5xx > 0 || failures > 0) code = 1;
  }

  if (appBuilt) {
    await measureFirstRows(baseUrl);
  } else {
    console.error(
      'bench/scale.mjs: packages/app/dist is missing, so no Chromium figures (yarn workspace app build)',
    );
  }
  console.log(`backend_peak_rss: ${backend.peakRssMiB().toFixed(0)} MiB`);
} catch (e) {
  console.error(
    `bench/scale.mjs: ${e.message}\n${backend.output().slice(-4000)}`,
  );
  code = 1;
}
await changes.close();
await backend.stop();
if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
