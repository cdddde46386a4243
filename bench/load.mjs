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
import { runLoad } from './lib/load.mjs';
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
  `default/${
    generated && Math.random() < 0.5
      ? `load-service-${Math.floor(Math.random() * generated)}`
      : pick(examples)
  }`;

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

  const { errors5xx, failures } = await runLoad({
    backend,
    clients,
    seconds,
    component,
  });
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
