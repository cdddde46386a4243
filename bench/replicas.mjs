#!/usr/bin/env node
// Two replicas at size (issue 16): the catalog of bench/scale.mjs (BENCH_ENTITIES generated components
// in files of 500, BENCH_USERS users, BENCH_GROUPS groups), served by two real backends with every
// plugin on one PostgreSQL. With BENCH_DATA_DIR set to scale.mjs's folder the ingested catalog is
// reused; otherwise the first replica ingests it first.
//   1. Both replicas up: four files of 500 components get an owner that does not exist. Time from the
//      edit until the catalog serves every changed component, until each has its new quality score
//      (the owner in its stored score) and its open `ownerNotFound` finding; how many the catalog module
//      queued (an observer consumer nobody drains); and how many entities each replica's quality
//      consumer re-scored (from its log lines), so that the split shows.
//   2. The same with four other files, and the second replica killed (SIGKILL) while both replicas
//      hold claimed changes: the changes the killed replica held, and whether every changed component
//      the catalog serves has its new score and finding all the same (its claims run out after their
//      lease, 2 minutes, and the survivor takes them). The stock catalog processes what the killed
//      replica's loop had claimed only a processing interval later: those are `_not_served`, not
//      lost. Exits 1 if a served change is missing its score or finding after 15 minutes.
//   3. The killed replica started again, and a full quality evaluation and a full owner check asked
//      of both replicas at the same moment: how many runs each plugin started (target 1) and their
//      answers (one 200, one 409).
// The edited files are written back as generated and refreshed at the end.
//   BENCH_ENTITIES (100000)  BENCH_USERS (5000)  BENCH_GROUPS (500)  BENCH_DATA_DIR
//   BENCH_PROCESSING_INTERVAL_MINUTES  BENCH_PORT (7034; the second replica BENCH_PORT + 1)
//   BENCH_POSTGRES_PORT (5448)
import fs from 'node:fs';
import path from 'node:path';
import { startBenchBackend } from './lib/backend.mjs';
import { openChangeQueue } from './lib/changes.mjs';
import {
  catalogTotal,
  deferReusedProcessing,
  scaleBackendEnv,
  scaleDir,
  scaleSettings,
  waitForScaleCatalog,
  writeScaleCatalog,
} from './lib/scaleCatalog.mjs';
import { requireWorkspace } from './lib/workspace.mjs';

const { poll } = requireWorkspace('@internal/backend-test-utils');
const knexFactory = requireWorkspace('knex');

const settings = scaleSettings();
const port = Number(process.env.BENCH_PORT || 7034);
const FILES_PER_PHASE = 4;
const PER_FILE = 500;
const hour = 3_600_000;
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

const dir = scaleDir(settings);
const { locations, componentsDir } = writeScaleCatalog(dir, settings);
const fileCount = Math.ceil(settings.count / PER_FILE);
if (fileCount < 2 * FILES_PER_PHASE) {
  throw new Error(
    `BENCH_ENTITIES must be at least ${2 * FILES_PER_PHASE * PER_FILE}`,
  );
}

/** What each replica's consumers said they handled, summed from their log lines. */
const handled = {};
function countHandled(name) {
  handled[name] = { quality: 0 };
  let partial = '';
  return chunk => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const scored = line.match(/Re-scored (\d+) changed entities/);
      if (scored) handled[name].quality += Number(scored[1]);
    }
  };
}

function startReplica(name, offset, postgres) {
  const baseUrl = `http://localhost:${port + offset}`;
  return startBenchBackend({
    port: port + offset,
    postgresPort: Number(process.env.BENCH_POSTGRES_PORT || 5448),
    dataDir: postgres ? undefined : settings.dataDir,
    postgres,
    locations,
    env: scaleBackendEnv(baseUrl, settings),
    onOutput: countHandled(name),
  });
}

const a = await startReplica('a', 0);
const readyAt = await a.ready();
const database = name =>
  knexFactory({
    client: 'pg',
    connection: { ...a.postgres, database: `backstage_plugin_${name}` },
  });
const quality = database('metadata-quality');
const owners = database('owner-validation');
const queueDb = database('catalog-changes');
const queue = openChangeQueue(a);
let b;
let code = 0;

/** Files of the given numbers, their components owned by `owner`; returns their component refs' count. */
function rewriteOwners(files, owner) {
  let components = 0;
  for (const n of files) {
    const file = path.join(componentsDir, `entities-${n}.yaml`);
    const text = fs.readFileSync(file, 'utf8');
    components += (text.match(/^kind: Component$/gm) ?? []).length;
    fs.writeFileSync(
      file,
      text.replace(/^(\s+owner:) .*$/gm, `$1 group:default/${owner}`),
    );
  }
  return components;
}

/** Asks the catalog to read the files again now (a component's refresh refreshes its file). */
async function refreshFiles(backend, files) {
  for (const n of files) {
    const request = () =>
      backend.api('/api/catalog/refresh', {
        method: 'POST',
        body: JSON.stringify({
          entityRef: `component:bench/bench-service-${n * PER_FILE}`,
        }),
      });
    // A network error is tried again: the restore after the full runs failed twice with `fetch
    // failed` while both replicas ran and answered (the cause was not printed then).
    let res;
    for (let attempt = 1; !res; attempt++) {
      try {
        res = await request();
      } catch (e) {
        const cause = e.cause?.code ?? e.cause?.message ?? '';
        console.error(`bench/replicas.mjs: refresh: ${e.message} ${cause}`);
        if (attempt === 3) throw e;
        await new Promise(r => setTimeout(r, 1000));
      }
    }
    if (!res.ok) throw new Error(`refresh: ${res.status} ${await res.text()}`);
  }
}

/** How far the change to `owner` got: served by the catalog, scored, found. */
async function progress(owner) {
  const ref = `group:default/${owner}`;
  const [{ n: scored }] = await quality('quality_entity_scores')
    .where('owner_ref', ref)
    .count({ n: '*' });
  const [{ n: found }] = await owners('owner_validation_findings')
    .where({ owner: ref, finding_type: 'ownerNotFound' })
    .whereNull('resolved_at')
    .count({ n: '*' });
  return {
    served: await catalogTotal(a, `spec.owner=${ref}`),
    scored: Number(scored),
    found: Number(found),
  };
}

/**
 * Polls until every changed component is served, scored and found; prints the times. With
 * `servedBy` (after a replica was killed), it waits until then and until every component the
 * catalog serves with its new owner is scored and found: the stock catalog does not process again
 * for a whole processing interval what the killed replica's loop had claimed, so those are counted
 * as not served (`_not_served`), not as lost.
 */
async function followChange(
  prefix,
  owner,
  components,
  changedAt,
  timeoutMs,
  servedBy,
) {
  const done = {};
  let last;
  const caughtUp = () =>
    servedBy !== undefined &&
    Date.now() >= servedBy &&
    last.scored >= last.served &&
    last.found >= last.served;
  try {
    await poll(
      `${components} components owned by ${owner}, scored and found`,
      async () => {
        last = await progress(owner);
        for (const step of ['served', 'scored', 'found']) {
          if (!done[step] && last[step] >= components) done[step] = Date.now();
        }
        return Object.keys(done).length === 3 || caughtUp();
      },
      timeoutMs,
      250,
    );
  } finally {
    const names = { served: 'in_catalog', scored: 'scored', found: 'found' };
    for (const [step, at] of Object.entries(done)) {
      console.log(`${prefix}_all_${names[step]}: ${seconds(at - changedAt)}`);
    }
    if (last) {
      if (servedBy !== undefined) {
        console.log(
          `${prefix}_not_served: ${components - last.served} components`,
        );
      }
      // Served with the new owner but without its score or finding: lost by a consumer.
      const base = servedBy !== undefined ? last.served : components;
      console.log(
        `${prefix}_missing_scores: ${Math.max(
          0,
          base - last.scored,
        )} components`,
      );
      console.log(
        `${prefix}_missing_findings: ${Math.max(
          0,
          base - last.found,
        )} components`,
      );
    }
  }
}

/** Changes claimed now, per consumer, by how many claimants (replicas). */
async function claims() {
  const rows = await queueDb('catalog_change_queue')
    .whereRaw('claimed_until > now()')
    .select('consumer')
    .count({ n: '*' })
    .countDistinct({ claimants: 'claimed_by' })
    .groupBy('consumer');
  return rows.map(r => ({
    consumer: r.consumer,
    n: Number(r.n),
    claimants: Number(r.claimants),
  }));
}

// A consumer nobody drains: what the catalog module queued for the changed components, so a
// missing score or finding tells a change never queued from one a consumer lost.
const OBSERVER = 'bench-observer';
async function observe() {
  await queueDb('catalog_change_consumers')
    .insert({ consumer: OBSERVER })
    .onConflict()
    .ignore();
  await queueDb('catalog_change_queue').where('consumer', OBSERVER).delete();
}
async function stopObserving() {
  await queueDb('catalog_change_consumers')
    .where('consumer', OBSERVER)
    .delete();
  await queueDb('catalog_change_queue').where('consumer', OBSERVER).delete();
}

/** Prints how many of the changed components were queued, and names the ones missing anything. */
async function explainMissing(prefix, files, owner) {
  const changed = files.flatMap(n =>
    Array.from(
      { length: PER_FILE },
      (_, i) => `component:bench/bench-service-${n * PER_FILE + i}`,
    ),
  );
  const queued = new Set(
    await queueDb('catalog_change_queue')
      .where('consumer', OBSERVER)
      .whereIn('entity_ref', changed)
      .pluck('entity_ref'),
  );
  console.log(`${prefix}_queued: ${queued.size} components`);
  const ref = `group:default/${owner}`;
  const scored = new Set(
    await quality('quality_entity_scores')
      .whereIn('entity_ref', changed)
      .where('owner_ref', ref)
      .pluck('entity_ref'),
  );
  const found = new Set(
    await owners('owner_validation_findings')
      .whereIn('entity_ref', changed)
      .where({ owner: ref, finding_type: 'ownerNotFound' })
      .whereNull('resolved_at')
      .pluck('entity_ref'),
  );
  for (const entityRef of changed) {
    if (!scored.has(entityRef) || !found.has(entityRef)) {
      console.error(
        `${entityRef}: queued ${queued.has(entityRef)}, scored ${scored.has(
          entityRef,
        )}, found ${found.has(entityRef)}`,
      );
    }
  }
}

const printHandled = prefix => {
  for (const [name, counts] of Object.entries(handled)) {
    console.log(`${prefix}_rescored_${name}: ${counts.quality} entities`);
  }
};
const resetHandled = () => {
  for (const counts of Object.values(handled)) {
    counts.quality = 0;
  }
};

// Owners new to this run: an earlier run's edits the catalog still serves change nothing here.
const run = Date.now().toString(36);
const FIRST_OWNER = `ghost-replicas-${run}`;
const SECOND_OWNER = `ghost-killed-${run}`;

const phaseFiles = phase =>
  Array.from(
    { length: FILES_PER_PHASE },
    (_, i) => phase * FILES_PER_PHASE + i,
  );
const edited = [];

try {
  // An earlier run stopped halfway may have left its observer, whose rows never drain.
  await stopObserving();
  await waitForScaleCatalog(a, settings);
  if (settings.reused && settings.processingMinutes) {
    await deferReusedProcessing(a.postgres, settings.processingMinutes);
  }
  await poll(
    'the change queues to drain',
    async () => (await queue.queued()) === 0,
    hour,
    5000,
  );
  console.log(`replicas_first_ready: ${seconds(readyAt - a.startedAt)}`);
  b = await startReplica('b', 1, a.postgres);
  await b.ready();
  await poll(
    'the change queues to drain',
    async () => (await queue.queued()) === 0,
    hour,
    2000,
  );

  // 1. Both replicas up.
  resetHandled();
  const first = phaseFiles(0);
  edited.push(...first);
  await observe();
  const firstCount = rewriteOwners(first, FIRST_OWNER);
  let changedAt = Date.now();
  await refreshFiles(a, first);
  try {
    await followChange('replicas', FIRST_OWNER, firstCount, changedAt, 900_000);
  } finally {
    await explainMissing('replicas', first, FIRST_OWNER);
    // Its rows would keep the queues from ever draining.
    await stopObserving();
  }
  await poll(
    'the queues to drain',
    async () => (await queue.queued()) === 0,
    hour,
    1000,
  );
  printHandled('replicas');

  // 2. The second replica killed while both hold claims.
  resetHandled();
  const second = phaseFiles(1);
  edited.push(...second);
  await observe();
  const secondCount = rewriteOwners(second, SECOND_OWNER);
  changedAt = Date.now();
  await refreshFiles(a, second);
  const claimDeadline = Date.now() + 600_000;
  let held = [];
  while (Date.now() < claimDeadline) {
    held = await claims();
    if (held.some(c => c.claimants >= 2)) break;
    await new Promise(r => setTimeout(r, 50));
  }
  const killedAt = Date.now();
  await b.kill();
  console.log(
    `replicas_killed_after_change: ${seconds(killedAt - changedAt)} (${held
      .map(c => `${c.consumer} ${c.n} claimed by ${c.claimants}`)
      .join(', ')})`,
  );
  // The survivor finishes its own batches within seconds; what is still claimed then, from before
  // the kill, was the killed replica's, and waits for its lease (2 minutes) to end.
  await new Promise(r => setTimeout(r, 15_000));
  const heldByKilled = await queueDb('catalog_change_queue')
    .whereRaw('claimed_until > now()')
    .whereRaw("claimed_until <= to_timestamp(?) + interval '2 minutes'", [
      killedAt / 1000,
    ])
    .select('consumer')
    .count({ n: '*' })
    .groupBy('consumer');
  for (const { consumer, n } of heldByKilled) {
    console.log(`replicas_held_by_killed_${consumer}: ${n} changes`);
  }
  try {
    // The survivor takes the killed replica's claims when their lease (2 minutes) ends.
    await followChange(
      'replicas_killed',
      SECOND_OWNER,
      secondCount,
      changedAt,
      900_000,
      killedAt + 180_000,
    );
  } finally {
    await explainMissing('replicas_killed', second, SECOND_OWNER);
    await stopObserving();
  }
  printHandled('replicas_killed');

  // 3. Full runs asked of both replicas at once.
  b = await startReplica('b', 1, a.postgres);
  await b.ready();
  for (const [name, plugin] of [
    ['full_quality_evaluation', 'metadata-quality'],
    ['full_owner_check', 'owner-validation'],
  ]) {
    const before =
      (await a.json(`/api/${plugin}/runs?limit=1`)).items[0]?.id ?? 0;
    const started = Date.now();
    const statuses = await Promise.all(
      [a, b].map(async replica => {
        const res = await replica.api(`/api/${plugin}/evaluate`, {
          method: 'POST',
          timeoutMs: hour,
        });
        await res.text();
        return res.status;
      }),
    );
    const runs = (await a.json(`/api/${plugin}/runs?limit=10`)).items.filter(
      r => r.id > before,
    );
    console.log(`replicas_${name}: ${seconds(Date.now() - started)}`);
    console.log(`replicas_${name}_answers: ${statuses.join(' ')} status`);
    console.log(`replicas_${name}_runs: ${runs.length} runs`);
    if (runs.length !== 1) code = 1;
  }
} catch (e) {
  console.error(`bench/replicas.mjs: ${e.message}\n${a.output().slice(-3000)}`);
  code = 1;
}

// The edited files as generated again, read again by the catalog.
try {
  await stopObserving();
  writeScaleCatalog(dir, settings);
  // Through a replica still running (a run once found the first one not answering here).
  const live = [a, b].find(replica => replica && !replica.exited());
  if (!live) throw new Error('no replica is running');
  await refreshFiles(live, edited);
  await poll(
    'the catalog to serve the generated owners again',
    async () =>
      (await catalogTotal(live, `spec.owner=group:default/${FIRST_OWNER}`)) +
        (await catalogTotal(
          live,
          `spec.owner=group:default/${SECOND_OWNER}`,
        )) ===
      0,
    600_000,
    2000,
  );
} catch (e) {
  console.error(
    `bench/replicas.mjs: the edited files were not restored: ${e.message}`,
  );
  for (const [name, replica] of [
    ['a', a],
    ['b', b],
  ]) {
    if (!replica) continue;
    console.error(
      `replica ${name}: ${
        replica.exited() ?? 'running'
      }; its last output:\n${replica.output().slice(-3000)}`,
    );
  }
  code = 1;
}
await Promise.all([quality.destroy(), owners.destroy(), queueDb.destroy()]);
await queue.close();
await b?.stop();
await a.stop();
if (!settings.dataDir) fs.rmSync(dir, { recursive: true, force: true });
process.exit(code);
