// Worker of bench/metadata-quality.mjs, run with Backstage's TypeScript transform. Drives the
// plugin's evaluator and store classes directly (no HTTP, no catalog backend): the catalog is
// the in-memory catalog of @backstage/plugin-catalog-node/testUtils, with its full stream paged
// from the list (see `catalog` below).
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { generateComponents, generateOrg } from '@internal/backend-test-utils';
import {
  CatalogGroupOwnerValidator,
  DatabaseExemptionStore,
  DatabaseInitiativeStore,
  DatabaseQualityStore,
  DatabaseVerificationStore,
  QualityEvaluator,
} from '@internal/plugin-metadata-quality-backend';
import {
  confirmedRule,
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import knexFactory from 'knex';

const count = Number(process.env.BENCH_ENTITIES || 10000);
// Approved exemptions in force during the second measurement (issue 13: 1,000 at 10,000 entities).
const exemptionCount = Number(
  process.env.BENCH_EXEMPTIONS || Math.round(count / 10),
);
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
const entities = [...generateOrg({ groups: GROUPS }), ...components];
const inMemory = catalogServiceMock({ entities });
// The in-memory catalog filters and sorts every entity again for each page it streams (a cursor
// query), so streaming N entities costs it N² / page size: at 100,000 that, not the plugin, is the
// time. The real catalog reads a page by index. A full evaluation streams the whole catalog with no
// filter: those pages come straight from the list, in the catalog's order (by ref); every other
// read (filters, refs, fields) is the in-memory catalog's.
const inRefOrder = [...entities].sort((a, b) =>
  stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
);
async function* streamEntities(
  request?: Parameters<typeof inMemory.streamEntities>[0],
  options?: Parameters<typeof inMemory.streamEntities>[1],
) {
  const { pageSize, ...rest } = request ?? {};
  if (Object.keys(rest).length > 0) {
    yield* inMemory.streamEntities(request, options!);
    return;
  }
  const size = pageSize ?? 500;
  for (let i = 0; i < inRefOrder.length; i += size) {
    yield inRefOrder.slice(i, i + size);
  }
}
// Likewise, for every `getEntitiesByRefs` (the neighbours of each page) it maps every entity's ref
// again: at 100,000 entities that was most of a run. The real catalog reads refs by key. Served from
// one index here, whole entities (the fields asked for among them).
const byRef = new Map(
  entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
);
async function getEntitiesByRefs(request: { entityRefs: string[] }) {
  return {
    items: request.entityRefs.map(
      ref => byRef.get(ref.toLocaleLowerCase('en-US')) ?? null,
    ),
  };
}
const catalog = new Proxy(inMemory, {
  get(target, prop) {
    if (prop === 'streamEntities') return streamEntities;
    if (prop === 'getEntitiesByRefs') return getEntitiesByRefs;
    const value = Reflect.get(target, prop, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
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
  const evaluatorWith = (extras: {
    exemptions?: DatabaseExemptionStore;
    verification?: DatabaseVerificationStore;
    initiatives?: DatabaseInitiativeStore;
  }) =>
    new QualityEvaluator({
      catalog,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
      store,
      logger: silent,
      rules: extras.verification
        ? [...DEFAULT_RULES, confirmedRule()]
        : DEFAULT_RULES,
      levels: DEFAULT_LEVELS,
      ownerValidator: new CatalogGroupOwnerValidator(),
      retentionDays: 90,
      ...extras,
    });
  const evaluator = evaluatorWith({});
  /** Seconds of one full evaluation; the median of `runs`. */
  async function timeFullEvaluation(e: QualityEvaluator, runs = 3) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      const result = await e.evaluateAll();
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (result.evaluated !== count)
        throw new Error(`scored ${result.evaluated} of ${count}`);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  }

  // A first run fills the tables: every row is written. The runs measured next are the steady
  // state of a nightly run: every entity scored again, nothing changed, so no row is written.
  const first = process.hrtime.bigint();
  await evaluator.evaluateAll();
  const firstSeconds = Number(process.hrtime.bigint() - first) / 1e9;
  console.log(
    `quality_full_evaluation_every_row_written: ${firstSeconds.toFixed(2)} s`,
  );
  const plain = await timeFullEvaluation(evaluator);
  console.log(`quality_full_evaluation: ${plain.toFixed(2)} s`);

  // The same with confirmations (the built-in rule, half the entities confirmed) and approved
  // exemptions in force, each on a rule the entity fails or passes.
  const exemptions = new DatabaseExemptionStore(knex);
  const verification = new DatabaseVerificationStore(knex);
  const now = new Date();
  const until = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const ruleIds = DEFAULT_RULES.map(rule => rule.id);
  for (let i = 0; i < exemptionCount; i++) {
    const index = Math.floor((i * count) / exemptionCount);
    const asked = await exemptions.request({
      entityRef: `component:bench/bench-service-${index}`,
      ruleId: ruleIds[i % ruleIds.length],
      reason: 'bench',
      until,
      requestedBy: 'user:default/bench',
      requestedAt: now,
    });
    await exemptions.decide(asked.id, {
      status: 'approved',
      decidedBy: 'user:default/admin',
      decidedAt: now,
      comment: '',
    });
  }
  await verification.confirm(
    Array.from({ length: Math.ceil(count / 2) }, (_, half) => {
      const i = half * 2;
      return {
        entityRef: `component:bench/bench-service-${i}`,
        ownerRef:
          i % 50 ? `group:default/team-${i % GROUPS}` : 'group:default/ghost',
        confirmedBy: 'user:default/bench',
        confirmedAt: now,
      };
    }),
  );
  // Three initiatives running now: one on portal rules for services, one with a rule of its own
  // (an on-call link) for production entities, one for two teams' entities with a tag.
  const initiatives = new DatabaseInitiativeStore(knex);
  const startsAt = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const deadline = new Date(now.getTime() + 60 * 24 * 3600 * 1000);
  await initiatives.create(
    {
      title: 'Every service documented',
      ruleIds: ['has-techdocs', 'has-description'],
      rules: [],
      target: { kinds: ['Component'], types: ['service'] },
      startsAt,
      deadline,
    },
    'user:default/admin',
    now,
  );
  await initiatives.create(
    {
      title: 'On-call links for production',
      ruleIds: [],
      rules: [
        {
          id: 'has-oncall',
          title: 'Has an on-call link',
          check: { type: 'linkPresent', match: 'on-call' },
          weight: 1,
          howToFix: 'Add a link titled On-call to metadata.links.',
        },
      ],
      target: { lifecycles: ['production'] },
      startsAt,
      deadline,
    },
    'user:default/admin',
    now,
  );
  await initiatives.create(
    {
      title: 'Runbooks for two teams',
      ruleIds: ['has-runbook'],
      rules: [],
      target: { owners: ['group:default/team-1', 'group:default/team-2'] },
      startsAt,
      deadline,
    },
    'user:default/admin',
    now,
  );
  const rhythm = evaluatorWith({ exemptions, verification, initiatives });
  await rhythm.evaluateAll();
  const withRhythm = await timeFullEvaluation(rhythm);
  console.log(
    `quality_full_evaluation_with_${exemptionCount}_exemptions_3_initiatives: ${withRhythm.toFixed(
      2,
    )} s`,
  );
  console.log(
    `quality_exemptions_initiatives_overhead: ${(withRhythm / plain).toFixed(
      2,
    )} x`,
  );

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
