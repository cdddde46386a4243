#!/usr/bin/env node
// The catalog at size (issue 16), one backend and one ingestion for every figure: BENCH_ENTITIES
// generated components (files of 500 under one Location) owned by a generated org of BENCH_USERS
// users and BENCH_GROUPS groups, on the real backend with every plugin and an embedded PostgreSQL.
// In order: ingestion time and rate, the change queues' first drain, idle CPU, a full quality
// evaluation and a full owner check through their HTTP routes (catalog reads included), a changed
// catalog-info.yaml to its new score and owner finding, the read load at 20 and at 50 clients,
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
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { measureCatalogReadAll } from './lib/catalogRead.mjs';
import { measureChanges, openChangeQueue, writeProbe } from './lib/changes.mjs';
import { measureFirstRows } from './lib/firstRows.mjs';
import { runLoad } from './lib/load.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { generateComponents, generateOrg, poll, writeCatalogFiles } =
  requireWorkspace('@internal/backend-test-utils');
const knexFactory = requireWorkspace('knex');

const count = Number(process.env.BENCH_ENTITIES || 100000);
const users = Number(process.env.BENCH_USERS ?? 5000);
const groups = Number(process.env.BENCH_GROUPS || 500);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 60);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS || 60);
const port = Number(process.env.BENCH_PORT || 7034);
// The stock catalog re-processes every entity every 100-150 s unless `catalog.processingInterval` says
// otherwise: BENCH_PROCESSING_INTERVAL_MINUTES sets it (default: the stock interval).
const processingMinutes = process.env.BENCH_PROCESSING_INTERVAL_MINUTES;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appBuilt = fs.existsSync(path.join(root, 'packages/app/dist/index.html'));
const hour = 3_600_000;

const dataDir = process.env.BENCH_DATA_DIR;
const reused =
  dataDir !== undefined &&
  fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-scale-'));
const probe = writeProbe(dir);
const org = writeCatalogFiles(
  path.join(dir, 'org'),
  generateOrg({ groups, users }),
);
// Owned by the generated teams; one in 50 names a team that does not exist, one in 100 a person.
const components = writeCatalogFiles(
  path.join(dir, 'components'),
  generateComponents(count, {
    prefix: 'bench-service',
    namespace: 'bench',
    owner: i => {
      if (i % 50 === 49) return 'group:default/ghost';
      if (users && i % 100 === 0) return `user:default/user-${i % users}`;
      return `group:default/team-${i % groups}`;
    },
  }),
);

const baseUrl = `http://localhost:${port}`;
const backend = await startBenchBackend({
  port,
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5448),
  dataDir,
  locations: [
    {
      type: 'file',
      target: org,
      rules: [{ allow: ['User', 'Group', 'Location'] }],
    },
    {
      type: 'file',
      target: components,
      rules: [{ allow: ['Component', 'Location'] }],
    },
    { type: 'file', target: probe },
    { type: 'file', target: path.join(root, 'examples/org.yaml') },
    { type: 'file', target: path.join(root, 'examples/systems.yaml') },
    { type: 'file', target: path.join(root, 'examples/domains.yaml') },
  ],
  env: {
    // The guest runs the full evaluation and check.
    APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([
      'user:default/guest',
    ]),
    // The built app, served by the backend, for the Chromium figures.
    APP_CONFIG_app_baseUrl: baseUrl,
    APP_CONFIG_backend_cors_origin: baseUrl,
    ...(processingMinutes
      ? {
          APP_CONFIG_catalog_processingInterval: JSON.stringify({
            minutes: Number(processingMinutes),
          }),
        }
      : {}),
  },
});
const changes = openChangeQueue(backend);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const total = async filter => {
  const res = await backend.api(
    `/api/catalog/entities/by-query?filter=${filter}&limit=1`,
  );
  return res.ok ? (await res.json()).totalItems : 0;
};

let code = 0;
try {
  const readyAt = await backend.ready();
  console.log(`backend_cold_start: ${seconds(readyAt - backend.startedAt)}`);
  await poll(
    `the catalog to serve ${count} components, ${users} users and ${groups} groups`,
    async () =>
      (await total('metadata.namespace=bench')) >= count &&
      (await total('kind=user')) >= users &&
      (await total('kind=group')) >= groups,
    4 * hour,
    5000,
  );
  const ingest = Date.now() - readyAt;
  if (reused) {
    console.log(`catalog_reused: ${count + users + groups} entities`);
    if (processingMinutes) {
      // As a fresh ingestion leaves it: every processed entity's next processing one interval
      // away, so the catalog's loop does not re-process the whole reused catalog during the
      // measurements (what is new, such as the probe, is processed as usual).
      const catalogDb = knexFactory({
        client: 'pg',
        connection: {
          ...backend.postgres,
          database: 'backstage_plugin_catalog',
        },
      });
      await catalogDb('refresh_state')
        .whereNotNull('processed_entity')
        .update({
          next_update_at: catalogDb.raw(`now() + interval '1 minute' * ?`, [
            Number(processingMinutes),
          ]),
        });
      await catalogDb.destroy();
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
  await runLoad({
    backend,
    clients: 20,
    seconds: loadSeconds,
    component,
    prefix: 'load20',
  });
  const { errors5xx, failures } = await runLoad({
    backend,
    clients: 50,
    seconds: loadSeconds,
    component,
    prefix: 'load50',
  });
  if (errors5xx > 0 || failures > 0) code = 1;

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
