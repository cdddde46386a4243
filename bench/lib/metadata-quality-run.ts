// Worker of bench/metadata-quality.mjs, run with Backstage's TypeScript transform. Drives the
// plugin's evaluator and store classes directly (no HTTP, no catalog backend): the catalog is an
// in-memory fake that pages like the real one.
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import knexFactory from 'knex';
import path from 'node:path';
import { DatabaseQualityStore } from '../../plugins/metadata-quality-backend/src/database/DatabaseQualityStore';
import { CatalogGroupOwnerValidator } from '../../plugins/metadata-quality-backend/src/service/OwnerValidator';
import { QualityEvaluator } from '../../plugins/metadata-quality-backend/src/service/QualityEvaluator';

const count = Number(process.env.BENCH_ENTITIES || 10000);
const concurrency = Number(process.env.BENCH_CONCURRENCY || 20);
const requests = Number(process.env.BENCH_REQUESTS || 400);
const connection = JSON.parse(process.env.BENCH_PG!);

const groups: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'org' },
    spec: { type: 'org', children: [] },
  },
];
for (let d = 0; d < 5; d++) {
  groups.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `dept-${d}` },
    spec: { type: 'department', parent: 'org', children: [] },
  });
  for (let t = 0; t < 10; t++) {
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${d}-${t}` },
      spec: { type: 'team', parent: `dept-${d}`, children: [] },
    });
  }
}
const entities: Entity[] = [...groups];
for (let i = 0; i < count; i++) {
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `bench-service-${i}`,
      namespace: 'bench',
      etag: `e${i}`,
      ...(i % 2 ? { description: `Generated service ${i}` } : {}),
      annotations: {
        'backstage.io/source-location': `url:https://git.example/bench/${i}`,
        ...(i % 3 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
      },
      links: i % 4 ? [{ url: 'https://r.example', title: 'Runbook' }] : [],
    },
    spec: {
      type: i % 5 ? 'service' : 'website',
      lifecycle: 'production',
      // One in 50 names a team that does not exist.
      owner:
        i % 50
          ? `group:default/team-${i % 5}-${i % 10}`
          : 'group:default/ghost',
      ...(i % 7 ? { system: 'bench' } : {}),
    },
  });
}

function page(items: Entity[], offset: number, limit: number) {
  const next =
    offset + limit < items.length ? String(offset + limit) : undefined;
  return {
    items: items.slice(offset, offset + limit),
    totalItems: items.length,
    pageInfo: { nextCursor: next },
  };
}

const catalog: any = {
  async queryEntities(req: any) {
    const limit = req.limit ?? 500;
    if (req.cursor) {
      const [kind, offset] = req.cursor.split(':');
      const items = kind === 'group' ? groups : entities;
      const result = page(items, Number(offset), limit);
      return {
        ...result,
        pageInfo: {
          nextCursor:
            result.pageInfo.nextCursor &&
            `${kind}:${result.pageInfo.nextCursor}`,
        },
      };
    }
    const kind = req.filter?.kind === 'group' ? 'group' : 'all';
    const result = page(kind === 'group' ? groups : entities, 0, limit);
    return {
      ...result,
      pageInfo: {
        nextCursor:
          result.pageInfo.nextCursor && `${kind}:${result.pageInfo.nextCursor}`,
      },
    };
  },
  async getEntitiesByRefs() {
    return { items: [] };
  },
};

async function main() {
  const knex = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
    pool: { min: 0, max: concurrency },
  });
  await knex.migrate.latest({
    directory: path.resolve(
      __dirname,
      '../../plugins/metadata-quality-backend/migrations',
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
