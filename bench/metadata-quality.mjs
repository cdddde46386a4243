#!/usr/bin/env node
// Metadata quality: a full evaluation of N generated entities with the default rules, including the
// PostgreSQL writes, and the p95 latency of the group summary (leaderboard) query at 20 concurrent
// connections. Drives the plugin's evaluator and store classes directly on a throw-away embedded
// PostgreSQL, with an in-memory catalog: no backend or HTTP layer is started, so the figures leave
// out catalog paging over HTTP and request handling. Prints `name: value unit`; asserts nothing.
//   BENCH_ENTITIES (10000)   BENCH_CONCURRENCY (20)   BENCH_REQUESTS (400)   BENCH_POSTGRES_PORT (5453)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quality-bench-'));
const pg = await startEmbeddedPostgres({
  dataDir: path.join(work, 'pg'),
  port: Number(process.env.BENCH_POSTGRES_PORT || 5453),
  persistent: false,
});

try {
  const code = await new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(root, 'bench/lib/metadata-quality-run.ts'),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BENCH_PG: JSON.stringify(pg.connection) },
      },
    );
    child.on('exit', resolve);
  });
  process.exitCode = code ?? 1;
} finally {
  await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
