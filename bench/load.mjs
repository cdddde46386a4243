#!/usr/bin/env node
// Load: concurrent clients reading the catalog, metadata-quality and owner-validation APIs of the real
// backend on an embedded PostgreSQL, with the example catalog plus generated components, scored and
// checked before the load starts. The scheduled evaluation and check keep their default schedules, so
// they may run during the load as they would in production. Exits non-zero on any 5xx or failed request.
//   BENCH_LOAD_CLIENTS (50)  BENCH_LOAD_SECONDS (60)  BENCH_LOAD_ENTITIES (1000 generated components)
//   BENCH_LOAD_PORT (7057)  BENCH_LOAD_POSTGRES_PORT (5457)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './lib/backend.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { generateComponents, poll, writeCatalogFiles } = requireWorkspace(
  '@internal/backend-test-utils',
);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clients = Number(process.env.BENCH_LOAD_CLIENTS || 50);
const seconds = Number(process.env.BENCH_LOAD_SECONDS || 60);
const generated = Number(process.env.BENCH_LOAD_ENTITIES ?? 1000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-load-'));
const file = writeCatalogFiles(
  dir,
  generateComponents(generated, { prefix: 'load-service' }),
);

const backend = await startBenchBackend({
  port: Number(process.env.BENCH_LOAD_PORT || 7057),
  postgresPort: Number(process.env.BENCH_LOAD_POSTGRES_PORT || 5457),
  locations: [
    { type: 'file', target: path.join(root, 'examples/all.yaml') },
    ...(generated
      ? [
          {
            type: 'file',
            target: file,
            rules: [{ allow: ['Component', 'Location'] }],
          },
        ]
      : []),
  ],
  // The guest may run the evaluation and check before the load.
  env: {
    APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([
      'user:default/guest',
    ]),
  },
});

const examples = [
  'checkout-web',
  'fraud-scoring-service',
  'legacy-invoicing',
  'carrier-gateway',
  'tracking-page',
];
const pick = list => list[Math.floor(Math.random() * list.length)];
const component = () =>
  generated && Math.random() < 0.5
    ? `load-service-${Math.floor(Math.random() * generated)}`
    : pick(examples);

/** The request mix: name and path of each kind of read. */
const requests = [
  [
    'catalog_by_query',
    () =>
      '/api/catalog/entities/by-query?filter=kind=component&limit=20&orderField=metadata.name,asc',
  ],
  [
    'catalog_entity',
    () => `/api/catalog/entities/by-name/component/default/${component()}`,
  ],
  [
    'quality_entity',
    () => `/api/metadata-quality/entities/component/default/${component()}`,
  ],
  ['quality_groups', () => '/api/metadata-quality/groups'],
  [
    'quality_entities',
    () => '/api/metadata-quality/entities?orderBy=score&order=asc&limit=50',
  ],
  ['ownership_findings', () => '/api/owner-validation/findings?limit=100'],
  ['ownership_summary', () => '/api/owner-validation/summary'],
];

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

let code = 0;
try {
  await backend.ready();
  const exampleFiles = [
    'components.yaml',
    'payments-service/catalog-info.yaml',
    'shipment-tracker/catalog-info.yaml',
  ];
  const exampleComponents = exampleFiles
    .map(
      f =>
        fs
          .readFileSync(path.join(root, 'examples', f), 'utf8')
          .match(/^kind: Component$/gm)?.length ?? 0,
    )
    .reduce((a, b) => a + b, 0);
  const total = exampleComponents + generated;
  await poll(
    `the catalog to serve ${total} components`,
    async () => {
      const res = await backend.api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=1',
      );
      return res.ok && (await res.json()).totalItems >= total;
    },
    600_000,
    1000,
  );
  for (const plugin of ['owner-validation', 'metadata-quality']) {
    // A scheduled run may hold the lock for a moment: 409 means try again.
    await poll(
      `a ${plugin} run`,
      async () =>
        (
          await backend.api(`/api/${plugin}/evaluate`, {
            method: 'POST',
            timeoutMs: 600_000,
          })
        ).ok,
      300_000,
      2000,
    );
  }

  const latencies = new Map(requests.map(([name]) => [name, []]));
  const statuses = new Map();
  let failures = 0;
  let count = 0;
  const started = Date.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let i = client;
      while (Date.now() < end) {
        const [name, path] = requests[i++ % requests.length];
        const t0 = performance.now();
        try {
          const res = await backend.api(path(), {
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          latencies.get(name).push(performance.now() - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          failures++;
        }
        count++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;

  for (const [name, values] of latencies) {
    values.sort((a, b) => a - b);
    console.log(`load_${name}_p50: ${percentile(values, 50).toFixed(1)} ms`);
    console.log(`load_${name}_p95: ${percentile(values, 95).toFixed(1)} ms`);
    console.log(`load_${name}_p99: ${percentile(values, 99).toFixed(1)} ms`);
  }
  // Each in-house read beside the stock catalog's read of one entity by name, in the same run.
  const stockP50 = percentile(latencies.get('catalog_entity'), 50);
  for (const [name, values] of latencies) {
    if (name.startsWith('catalog_')) continue;
    console.log(
      `load_${name}_p50_vs_catalog_entity: ${(
        percentile(values, 50) / stockP50
      ).toFixed(2)} x`,
    );
  }
  const errors5xx = [...statuses]
    .filter(([s]) => s >= 500)
    .reduce((n, [, c]) => n + c, 0);
  const other = [...statuses]
    .filter(([s]) => s >= 300 && s < 500)
    .reduce((n, [, c]) => n + c, 0);
  console.log(`load_clients: ${clients} clients`);
  console.log(`load_duration: ${elapsed.toFixed(1)} s`);
  console.log(`load_requests: ${count} requests`);
  console.log(`load_throughput: ${(count / elapsed).toFixed(1)} requests/s`);
  console.log(`load_5xx: ${errors5xx} responses`);
  console.log(`load_4xx_3xx: ${other} responses`);
  console.log(`load_failed_requests: ${failures} requests`);
  if (errors5xx > 0 || failures > 0) {
    console.error(
      `bench/load.mjs: ${errors5xx} 5xx responses and ${failures} failed requests`,
    );
    code = 1;
  }
} catch (e) {
  console.error(
    `bench/load.mjs failed: ${e.message}\n${backend.output().slice(-4000)}`,
  );
  code = 1;
} finally {
  await backend.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
