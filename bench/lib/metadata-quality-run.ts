// Worker of bench/metadata-quality.mjs, run with Backstage's TypeScript transform. Drives the
// plugin's evaluator and store classes directly (no HTTP, no catalog backend): the catalog is
// the in-memory catalog of @backstage/plugin-catalog-node/testUtils, which pages like the real one.
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { generateComponents, generateOrg } from '@internal/backend-test-utils';
import {
  CatalogGroupOwnerValidator,
  DatabaseQualityStore,
  QualityEvaluator,
} from '@internal/plugin-metadata-quality-backend';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import knexFactory from 'knex';

const count = Number(process.env.BENCH_ENTITIES || 10000);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 20);
const requests = Number(process.env.BENCH_REQUESTS || 400);
const connection = JSON.parse(process.env.BENCH_PG!);

const GROUPS = 56;
// Components with every mix of the metadata the default rules look at.
const components = generateComponents(count, {
  prefix: 'bench-service',
  namespace: 'bench',
  // One in 50 names a team that does not exist.
  owner: i =>
    i % 50 ? `group:default/team-${i % GROUPS}` : 'group:default/ghost',
  systems: ['bench'],
  customize(component, i) {
    const { metadata, spec } = component;
    metadata.etag = `e${i}`;
    if (i % 2 === 0) delete metadata.description;
    if (i % 3) metadata.annotations!['backstage.io/techdocs-ref'] = 'dir:.';
    metadata.links =
      i % 4 ? [{ url: 'https://r.example', title: 'Runbook' }] : [];
    if (i % 5 === 0) spec!.type = 'website';
    if (i % 7 === 0) delete spec!.system;
  },
});
const catalog = catalogServiceMock({
  entities: [...generateOrg({ groups: GROUPS }), ...components],
});

async function main() {
  const knex = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
    pool: { min: 0, max: concurrency },
  });
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@internal/plugin-metadata-quality-backend',
      'migrations',
    ),
  });
  const store = new DatabaseQualityStore(knex);
  const silent = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    child() {
      return silent;
    },
  } as any;
  const evaluator = new QualityEvaluator({
    catalog,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    store,
    logger: silent,
    rules: DEFAULT_RULES,
    levels: DEFAULT_LEVELS,
    ownerValidator: new CatalogGroupOwnerValidator(),
    retentionDays: 90,
  });

  // A first run fills the tables; the measured run is the steady state (upserts over existing rows).
  await evaluator.evaluateAll();
  const started = process.hrtime.bigint();
  const result = await evaluator.evaluateAll();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.evaluated !== count)
    throw new Error(`scored ${result.evaluated} of ${count}`);
  console.log(`quality_full_evaluation: ${seconds.toFixed(2)} s`);

  const latencies: number[] = [];
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < requests) {
        issued++;
        const t = process.hrtime.bigint();
        await store.groupSummaries();
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p95 =
    latencies[
      Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)
    ];
  console.log(`quality_group_summary_p95: ${p95.toFixed(1)} ms`);
  await knex.destroy();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
