#!/usr/bin/env node
// Backend cold start to readiness, and catalog ingestion of N generated entities, on a throw-away
// embedded PostgreSQL. Prints figures, one a line: `name: value unit`. Run: scripts/portal bench
//   BENCH_ENTITIES (default 10000)   BENCH_PORT (default 7027)   BENCH_POSTGRES_PORT (default 5437)
import { measureIngestion } from './lib/ingest.mjs';

const count = Number(process.env.BENCH_ENTITIES || 10000);
try {
  const run = await measureIngestion({
    count,
    port: Number(process.env.BENCH_PORT || 7027),
    postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5437),
  });
  console.log(`backend_cold_start: ${run.coldStartSeconds.toFixed(1)} s`);
  console.log(`catalog_ingest_entities: ${count} entities`);
  console.log(`catalog_ingest_time: ${run.seconds.toFixed(1)} s`);
  console.log(`catalog_ingest_rate: ${run.rate.toFixed(0)} entities/s`);
  console.log(`backend_peak_rss: ${run.peakRssMiB.toFixed(0)} MiB`);
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(1);
}
