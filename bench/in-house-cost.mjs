#!/usr/bin/env node
// What the in-house plugins cost beside the stock backend (issue 16): catalog ingestion rate and idle
// CPU, each printed for the stock backend, for the portal, and compared. Two runs on the same input,
// BENCH_ENTITIES generated components (files of 500 under one Location), each on the real backend with
// a throw-away embedded PostgreSQL: first with the in-house backend plugins and catalog modules of
// packages/backend/src/index.ts left out (each resolved to a no-op plugin, see
// lib/without-plugin.cjs), then with every plugin. Each run times readiness until the catalog serves
// every component, lets the backend settle for BENCH_SETTLE_SECONDS (first scores, first checks, the
// change queues drained), then reads the CPU the backend and PostgreSQL spend over
// BENCH_IDLE_SECONDS while nothing changes. Prints `name: value unit`; asserts nothing.
//   BENCH_ENTITIES (5000)  BENCH_SETTLE_SECONDS (90)  BENCH_IDLE_SECONDS (60)  BENCH_PORT (7036)
//   BENCH_POSTGRES_PORT (5449)  BENCH_PROCESSING_INTERVAL_MINUTES (the stock catalog's 100-150 s)
// BENCH_BREAKDOWN=1 adds ingestion-only runs of the portal each without one in-house part (see
// BREAKDOWN), printed as catalog_ingest_rate_without_<part>: what each part costs ingestion.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchBackend } from './lib/backend.mjs';
import { databaseWork, databaseWorkDiff } from './lib/databaseWork.mjs';
import { inHousePlugins } from './lib/inHouse.mjs';
import { cpuSeconds, descendants, idleCpu } from './lib/process.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { generateComponents, poll, writeCatalogFiles } = requireWorkspace(
  '@internal/backend-test-utils',
);

const count = Number(process.env.BENCH_ENTITIES || 5000);
const settleSeconds = Number(process.env.BENCH_SETTLE_SECONDS || 90);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 60);
const port = Number(process.env.BENCH_PORT || 7036);
const postgresPort = Number(process.env.BENCH_POSTGRES_PORT || 5449);
const processingMinutes = process.env.BENCH_PROCESSING_INTERVAL_MINUTES;

// The in-house parts that work while the catalog ingests, each left out in one breakdown run.
const BREAKDOWN = {
  input_guard: ['@internal/plugin-catalog-backend-module-input-guard'],
  change_queue: ['@internal/plugin-catalog-backend-module-catalog-changes'],
  consumers: [
    '@internal/plugin-metadata-quality-backend',
    '@internal/plugin-owner-validation-backend',
  ],
};

/** One run, leaving `without` out: ingestion rate, then (unless `ingestOnly`) idle CPU once settled. */
async function measure(without, { ingestOnly = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-idle-'));
  const file = writeCatalogFiles(
    dir,
    generateComponents(count, { prefix: 'idle-service', namespace: 'bench' }),
  );
  const backend = await startBenchBackend({
    port,
    postgresPort,
    locations: [
      {
        type: 'file',
        target: file,
        rules: [{ allow: ['Component', 'Location'] }],
      },
    ],
    without,
    env: processingMinutes
      ? {
          APP_CONFIG_catalog_processingInterval: JSON.stringify({
            minutes: Number(processingMinutes),
          }),
        }
      : {},
  });
  try {
    const ready = await backend.ready();
    const postgresPids = () =>
      descendants(process.pid).filter(
        pid => pid !== process.pid && !descendants(backend.pid).includes(pid),
      );
    const [backendCpu0, postgresCpu0, work0] = [
      cpuSeconds(descendants(backend.pid)),
      cpuSeconds(postgresPids()),
      await databaseWork(backend.postgres),
    ];
    await poll(
      `the catalog to serve ${count} generated components`,
      async () => {
        const res = await backend.api(
          '/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1',
        );
        return res.ok && (await res.json()).totalItems >= count;
      },
      1_800_000,
      1000,
    );
    const rate = count / ((Date.now() - ready) / 1000);
    // Where ingestion's time goes: CPU seconds of the backend and of PostgreSQL, and each plugin
    // database's commits and rows written, from readiness until every component is served.
    const ingest = {
      backendCpu: cpuSeconds(descendants(backend.pid)) - backendCpu0,
      postgresCpu: cpuSeconds(postgresPids()) - postgresCpu0,
      work: databaseWorkDiff(work0, await databaseWork(backend.postgres)),
    };
    if (ingestOnly) return { rate, ingest };
    await new Promise(r => setTimeout(r, settleSeconds * 1000));
    const idleWork0 = await databaseWork(backend.postgres);
    const cpu = await idleCpu(backend.pid, idleSeconds);
    // Who keeps PostgreSQL busy while nothing changes: each plugin database's commits per minute.
    const idleWork = databaseWorkDiff(
      idleWork0,
      await databaseWork(backend.postgres),
    );
    return { rate, ingest, cpu, idleWork };
  } catch (e) {
    throw new Error(`${e.message}\n${backend.output().slice(-4000)}`);
  } finally {
    await backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  const leftOut = inHousePlugins();
  console.error(`bench: the stock run leaves out ${leftOut.join(', ')}`);
  const stock = await measure(leftOut);
  const portal = await measure(undefined);
  console.log(`catalog_ingest_rate_stock: ${stock.rate.toFixed(1)} entities/s`);
  console.log(`catalog_ingest_rate: ${portal.rate.toFixed(1)} entities/s`);
  console.log(
    `catalog_ingest_rate_vs_stock: ${(portal.rate / stock.rate).toFixed(2)} x`,
  );
  if (process.env.BENCH_BREAKDOWN) {
    for (const [part, packages] of Object.entries(BREAKDOWN)) {
      const { rate } = await measure(packages, { ingestOnly: true });
      console.log(
        `catalog_ingest_rate_without_${part}: ${rate.toFixed(1)} entities/s`,
      );
      console.log(
        `catalog_ingest_rate_without_${part}_vs_stock: ${(
          rate / stock.rate
        ).toFixed(2)} x`,
      );
    }
  }
  for (const [run, suffix] of [
    [stock, '_stock'],
    [portal, ''],
  ]) {
    const { backendCpu, postgresCpu, work } = run.ingest;
    console.log(`ingest_backend_cpu${suffix}: ${backendCpu.toFixed(1)} s`);
    console.log(`ingest_postgres_cpu${suffix}: ${postgresCpu.toFixed(1)} s`);
    for (const [name, { commits, rows }] of [...work].sort()) {
      if (commits < 10 && rows < 10) continue;
      console.log(`ingest_commits_${name}${suffix}: ${commits} transactions`);
      console.log(`ingest_rows_written_${name}${suffix}: ${rows} rows`);
    }
  }
  for (const [run, suffix] of [
    [stock, '_stock'],
    [portal, ''],
  ]) {
    for (const [name, { commits }] of [...run.idleWork].sort()) {
      const perMinute = (commits * 60) / idleSeconds;
      if (perMinute < 1) continue;
      console.log(
        `idle_commits_${name}${suffix}: ${perMinute.toFixed(
          0,
        )} transactions/min`,
      );
    }
  }
  for (const part of ['backend', 'postgres']) {
    const [before, after] = [stock.cpu[part], portal.cpu[part]];
    console.log(`idle_${part}_cpu_stock: ${before.toFixed(1)} % of a core`);
    console.log(`idle_${part}_cpu: ${after.toFixed(1)} % of a core`);
    console.log(
      `idle_${part}_cpu_in_house: ${(after - before).toFixed(1)} % of a core`,
    );
  }
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(1);
}
