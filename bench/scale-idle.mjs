#!/usr/bin/env node
// Idle CPU at size beside the stock backend (issue 16): the catalog of bench/scale.mjs, ingested once
// into BENCH_DATA_DIR by scale.mjs (required here), served first by the stock backend (the in-house
// backend plugins and catalog modules left out, as in in-house-cost.mjs: lib/inHouse.mjs) and then by
// the portal with every plugin, one after the other on the same PostgreSQL data. Each run waits
// BENCH_SETTLE_SECONDS after readiness (the first checks, the scheduler's first runs), then reads the
// CPU the backend and PostgreSQL spend over BENCH_IDLE_SECONDS while nothing changes:
// `idle_backend_cpu_stock`, `idle_backend_cpu`, `idle_backend_cpu_in_house` (the difference; target
// under 1 % of a core) and the same for PostgreSQL. The catalog's processing of the reused entities
// is pushed one BENCH_PROCESSING_INTERVAL_MINUTES (default 30) away at each start, as a fresh
// ingestion leaves it, so that both runs measure the same quiet catalog.
//   BENCH_DATA_DIR (required)  BENCH_ENTITIES (100000)  BENCH_USERS (5000)  BENCH_GROUPS (500)
//   BENCH_SETTLE_SECONDS (90)  BENCH_IDLE_SECONDS (60)  BENCH_PORT (7034)  BENCH_POSTGRES_PORT (5448)
import { startBenchBackend } from './lib/backend.mjs';
import { inHousePlugins } from './lib/inHouse.mjs';
import { idleCpu } from './lib/process.mjs';
import {
  deferReusedProcessing,
  scaleBackendEnv,
  scaleSettings,
  waitForScaleCatalog,
  writeScaleCatalog,
} from './lib/scaleCatalog.mjs';

const settings = scaleSettings({
  BENCH_PROCESSING_INTERVAL_MINUTES: '30',
  ...process.env,
});
if (!settings.reused) {
  console.error(
    'bench/scale-idle.mjs: set BENCH_DATA_DIR to the folder of a bench/scale.mjs run with the same sizes',
  );
  process.exit(1);
}
const settleSeconds = Number(process.env.BENCH_SETTLE_SECONDS || 90);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 60);
const port = Number(process.env.BENCH_PORT || 7034);
const { locations } = writeScaleCatalog(settings.dataDir, settings);

async function measure(without) {
  const baseUrl = `http://localhost:${port}`;
  const backend = await startBenchBackend({
    port,
    postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5448),
    dataDir: settings.dataDir,
    locations,
    without,
    env: scaleBackendEnv(baseUrl, settings),
  });
  try {
    await backend.ready();
    await deferReusedProcessing(backend.postgres, settings.processingMinutes);
    await waitForScaleCatalog(backend, settings);
    await new Promise(r => setTimeout(r, settleSeconds * 1000));
    return await idleCpu(backend.pid, idleSeconds);
  } catch (e) {
    throw new Error(`${e.message}\n${backend.output().slice(-4000)}`);
  } finally {
    await backend.stop();
  }
}

try {
  const stock = await measure(inHousePlugins());
  const portal = await measure(undefined);
  for (const part of ['backend', 'postgres']) {
    const [before, after] = [stock[part], portal[part]];
    console.log(`idle_${part}_cpu_stock: ${before.toFixed(1)} % of a core`);
    console.log(`idle_${part}_cpu: ${after.toFixed(1)} % of a core`);
    console.log(
      `idle_${part}_cpu_in_house: ${(after - before).toFixed(1)} % of a core`,
    );
  }
} catch (e) {
  console.error(`bench/scale-idle.mjs: ${e.message}`);
  process.exit(1);
}
