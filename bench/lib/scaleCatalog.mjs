// The catalog at size of bench/scale.mjs and bench/replicas.mjs: BENCH_ENTITIES generated components
// (files of 500 under one Location) owned by a generated org of BENCH_USERS users and BENCH_GROUPS
// groups, written into a folder (BENCH_DATA_DIR keeps it with PostgreSQL's data, so a later run finds
// the catalog ingested), with the backend settings both benchmarks start it with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProbe } from './changes.mjs';
import { requireWorkspace } from './workspace.mjs';

const { generateComponents, generateOrg, poll, writeCatalogFiles } =
  requireWorkspace('@internal/backend-test-utils');
const knexFactory = requireWorkspace('knex');

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** The sizes and folders of the benchmark, from its environment. */
export function scaleSettings(env = process.env) {
  const dataDir = env.BENCH_DATA_DIR;
  return {
    count: Number(env.BENCH_ENTITIES || 100000),
    users: Number(env.BENCH_USERS ?? 5000),
    groups: Number(env.BENCH_GROUPS || 500),
    // The stock catalog re-processes every entity every 100-150 s unless `catalog.processingInterval`
    // says otherwise: BENCH_PROCESSING_INTERVAL_MINUTES sets it (default: the stock interval).
    processingMinutes: env.BENCH_PROCESSING_INTERVAL_MINUTES,
    dataDir,
    reused:
      dataDir !== undefined &&
      fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION')),
  };
}

/**
 * Writes the generated catalog into `dir` (the same files for the same sizes): the org, the
 * components and the probe the change figures edit. Returns the probe's file, the components'
 * folder and the catalog locations to start the backend with.
 */
export function writeScaleCatalog(dir, { count, users, groups }) {
  const probe = writeProbe(dir);
  const org = writeCatalogFiles(
    path.join(dir, 'org'),
    generateOrg({ groups, users }),
  );
  // Owned by the generated teams; one in 50 names a team that does not exist, one in 100 a person.
  const componentsDir = path.join(dir, 'components');
  const components = writeCatalogFiles(
    componentsDir,
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
  return {
    probe,
    componentsDir,
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
  };
}

/** The backend's settings for the benchmark, served at `baseUrl`. */
export function scaleBackendEnv(baseUrl, { processingMinutes }) {
  return {
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
  };
}

/** A folder for the catalog: BENCH_DATA_DIR, or a new temporary one. */
export function scaleDir({ dataDir }) {
  return dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-scale-'));
}

/**
 * A reused catalog, as a fresh ingestion leaves it: every processed entity's next processing one
 * interval away, so the catalog's loop does not re-process the whole reused catalog during the
 * measurements (what is new, such as the probe, is processed as usual).
 */
export async function deferReusedProcessing(postgres, processingMinutes) {
  const catalogDb = knexFactory({
    client: 'pg',
    connection: { ...postgres, database: 'backstage_plugin_catalog' },
  });
  try {
    await catalogDb('refresh_state')
      .whereNotNull('processed_entity')
      .update({
        next_update_at: catalogDb.raw(`now() + interval '1 minute' * ?`, [
          Number(processingMinutes),
        ]),
      });
  } finally {
    await catalogDb.destroy();
  }
}

/** Entities the catalog serves for a filter (`kind=user`), as the guest reads them. */
export async function catalogTotal(backend, filter) {
  const res = await backend.api(
    `/api/catalog/entities/by-query?filter=${filter}&limit=1`,
  );
  return res.ok ? (await res.json()).totalItems : 0;
}

/** Waits until the catalog serves every generated component, user and group. */
export async function waitForScaleCatalog(backend, { count, users, groups }) {
  await poll(
    `the catalog to serve ${count} components, ${users} users and ${groups} groups`,
    async () =>
      (await catalogTotal(backend, 'metadata.namespace=bench')) >= count &&
      (await catalogTotal(backend, 'kind=user')) >= users &&
      (await catalogTotal(backend, 'kind=group')) >= groups,
    4 * 3_600_000,
    5000,
  );
}
