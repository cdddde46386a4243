#!/usr/bin/env node
// Catalog ingestion throughput with the metadata-quality plugin installed against without it (the
// package swapped for a no-op plugin at load time, bench/lib/without-plugin.cjs). Target: 90% or more.
//   BENCH_ENTITIES (default 10000)   BENCH_PORT (default 7030)   BENCH_POSTGRES_PORT (default 5440)
import { measureIngestion } from './lib/ingest.mjs';

const count = Number(process.env.BENCH_ENTITIES || 10000);
const port = Number(process.env.BENCH_PORT || 7030);
const postgresPort = Number(process.env.BENCH_POSTGRES_PORT || 5440);
try {
  const without = await measureIngestion({
    count,
    port,
    postgresPort,
    without: '@internal/plugin-metadata-quality-backend',
  });
  const withPlugin = await measureIngestion({ count, port, postgresPort });
  console.log(
    `quality_ingest_rate_without_plugin: ${without.rate.toFixed(0)} entities/s`,
  );
  console.log(
    `quality_ingest_rate_with_plugin: ${withPlugin.rate.toFixed(0)} entities/s`,
  );
  console.log(
    `quality_ingest_throughput_ratio: ${(
      (100 * withPlugin.rate) /
      without.rate
    ).toFixed(0)} %`,
  );
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(1);
}
