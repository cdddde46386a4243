#!/usr/bin/env node
// Change detection (issue 16): with BENCH_ENTITIES generated components in the catalog and nothing
// changing, what the backend and PostgreSQL spend (percent of one core over BENCH_IDLE_SECONDS) and
// how many changes the catalog's own re-processing queues (none: the hash is unchanged); then a
// changed catalog-info.yaml (announced like the refresh button does) to its new quality score, and
// to its new owner finding. Real backend, embedded PostgreSQL.
//   BENCH_ENTITIES (default 10000)   BENCH_IDLE_SECONDS (default 30)
//   BENCH_PORT (default 7032)   BENCH_POSTGRES_PORT (default 5446)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { measureChanges, openChangeQueue, writeProbe } from './lib/changes.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { generateComponents, poll, writeCatalogFiles } = requireWorkspace(
  '@internal/backend-test-utils',
);

const count = Number(process.env.BENCH_ENTITIES || 10000);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS || 30);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-catalog-changes-'));
const probe = writeProbe(dir);
const generated = writeCatalogFiles(
  path.join(dir, 'generated'),
  generateComponents(count, { prefix: 'bench-service', namespace: 'bench' }),
);

const backend = await startBenchBackend({
  port: Number(process.env.BENCH_PORT || 7032),
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5446),
  locations: [
    {
      type: 'file',
      target: generated,
      rules: [{ allow: ['Component', 'Location'] }],
    },
    { type: 'file', target: probe },
    { type: 'file', target: path.join(root, 'examples/org.yaml') },
    { type: 'file', target: path.join(root, 'examples/systems.yaml') },
    { type: 'file', target: path.join(root, 'examples/domains.yaml') },
  ],
});
const changes = openChangeQueue(backend);

let code = 0;
try {
  await backend.ready();
  const started = Date.now();
  await poll(
    `the catalog to serve ${count} generated components`,
    async () => {
      const res = await backend.api(
        '/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1',
      );
      return res.ok && (await res.json()).totalItems >= count;
    },
    1_800_000,
    2000,
  );
  // Every entity is new to the processor once: wait until the consumers have handled them all.
  await poll(
    'the change queues to drain',
    async () => (await changes.queued()) === 0,
    1_800_000,
    2000,
  );
  await poll(
    'a first score',
    async () =>
      (
        await backend.api(
          '/api/metadata-quality/entities/component/default/change-probe',
        )
      ).ok,
    300_000,
    500,
  );
  console.log(
    `catalog_changes_first_drain: ${((Date.now() - started) / 1000).toFixed(
      0,
    )} s for ${count} entities`,
  );
  console.log(`catalog_changes_entities: ${count + 1} components`);

  // Idle: nothing changes; the catalog keeps re-processing entities on its own interval.
  await changes.measureIdle(idleSeconds);
  await measureChanges(backend, probe);
} catch (e) {
  console.error(`bench: ${e.message}\n${backend.output().slice(-4000)}`);
  code = 1;
}
await changes.close();
await backend.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
