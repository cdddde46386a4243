import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  BackendProcess,
  api,
  freePort,
  generateComponents,
  poll,
  queryPostgres,
  ServiceProcess,
  startReadyBackend,
  startServiceProcess,
  stopBackend,
  writeCatalogFiles,
} from '@internal/backend-test-utils';

// Faults with real processes: the backend on its own embedded PostgreSQL (scripts/lib/postgres-process.mjs),
// which the test stops and restarts under the running backend, then the backend SIGKILLed in the
// middle of a full quality evaluation and started again.
jest.setTimeout(600_000);

const GENERATED = 3000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-'));
const dataDir = path.join(work, 'pg');
let pgPort = 0;
let postgres: ServiceProcess<typeof connection> | undefined;
let connection: { host: string; port: number; user: string; password: string };

async function startPostgres() {
  postgres = await startServiceProcess(
    'PostgreSQL',
    'scripts/lib/postgres-process.mjs',
    [dataDir, String(pgPort)],
  );
  connection = postgres.info;
}

async function stopPostgres() {
  const stopping = postgres;
  postgres = undefined;
  await stopping?.stop();
}

function query<T = any>(database: string, sql: string): Promise<T[]> {
  return queryPostgres<T>({ ...connection, database }, sql);
}

const QUALITY_DB = 'backstage_plugin_metadata-quality';
const OWNER_DB = 'backstage_plugin_owner-validation';

/** Every stored score, and what must hold for each row: complete rule results that add up. */
async function scoreSnapshot() {
  const rows = await query(
    QUALITY_DB,
    `SELECT entity_ref, score, passed_weight, total_weight, failing_rules, results::text AS results
       FROM quality_entity_scores ORDER BY entity_ref`,
  );
  const broken = rows.filter(r => {
    const results: Array<{ ruleId: string; passed: boolean }> = JSON.parse(
      r.results,
    );
    const failing = results.filter(x => !x.passed).map(x => x.ruleId);
    return (
      results.length === 0 ||
      JSON.stringify(failing) !== JSON.stringify(r.failing_rules) ||
      Math.abs(
        Number(r.score) -
          Math.round(
            (1000 * Number(r.passed_weight)) / Number(r.total_weight),
          ) /
            10,
      ) > 0.05
    );
  });
  return {
    count: rows.length,
    refs: rows.map(r => r.entity_ref).join('\n'),
    contents: rows
      .map(r => `${r.entity_ref} ${r.score} ${r.results}`)
      .join('\n'),
    broken: broken.map(r => r.entity_ref),
  };
}

async function findingSnapshot() {
  const rows = await query(
    OWNER_DB,
    `SELECT id, entity_ref, finding_type, severity, message, first_seen, resolved_at
       FROM owner_validation_findings ORDER BY id`,
  );
  return rows.map(r => JSON.stringify(r)).join('\n');
}

describe('faults', () => {
  let backend: BackendProcess | undefined;
  let token = '';
  let env: Record<string, string> = {};
  const get = (pathname: string, timeoutMs?: number) =>
    api(backend!.baseUrl, token, pathname, { timeoutMs });
  const post = (pathname: string) =>
    api(backend!.baseUrl, token, pathname, {
      method: 'POST',
      timeoutMs: 300_000,
    });

  /** A full evaluation once no other run holds the lease (409 until then); its summary. */
  const evaluateWhenFree = (what: string) =>
    poll(
      what,
      async () => {
        const res = await post('/api/metadata-quality/evaluate');
        if (res.status === 409) return false;
        expect(res.status).toBe(200);
        return res.json();
      },
      120_000,
      2000,
    );

  /**
   * Starts a full evaluation and resolves once it has written at least one page of scores and is
   * still running, with the run's id and its HTTP answer to come. Polled through one connection;
   * should a run finish before that is seen, another is started. A run writes only the rows whose
   * content changed, so each run here starts with every row's content hash forgotten, as after
   * the migration that added them: it has every row to write.
   */
  async function catchHalfWay(): Promise<{
    run: { id: number };
    answer: Promise<number>;
  }> {
    const watcher = new Client({ ...connection, database: QUALITY_DB });
    await watcher.connect();
    const missed: string[] = [];
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const {
          rows: [{ id: lastRun }],
        } = await watcher.query(
          'SELECT coalesce(max(id), 0) AS id FROM quality_evaluation_runs',
        );
        await watcher.query(
          'UPDATE quality_entity_scores SET content_hash = NULL',
        );
        let finished: string | undefined;
        const answer = post('/api/metadata-quality/evaluate').then(
          async r => {
            finished = `${r.status} ${await r.text()}`;
            return r.status;
          },
          e => {
            finished = String(e);
            return 0;
          },
        );
        const deadline = Date.now() + 120_000;
        while (Date.now() < deadline) {
          const done = finished;
          const {
            rows: [row],
          } = await watcher.query(
            `SELECT r.id, (SELECT count(*) FROM quality_entity_scores s WHERE s.evaluated_at >= r.started_at) AS written
               FROM quality_evaluation_runs r WHERE r.id > $1 AND r.status = 'running'`,
            [lastRun],
          );
          if (row && Number(row.written) > 0) {
            if (missed.length) {
              console.log(`Runs that finished before being caught: ${missed}`);
            }
            return { run: { id: Number(row.id) }, answer };
          }
          if (done) break;
          await new Promise(r => setTimeout(r, 10));
        }
        await answer;
        missed.push(finished ?? 'no answer in 120 s');
      }
    } finally {
      await watcher.end();
    }
    throw new Error(
      `No evaluation was caught half-way: ${missed.join('; ')}\n${backend!
        .output()
        .slice(-3000)}`,
    );
  }

  beforeAll(async () => {
    const file = writeCatalogFiles(
      path.join(work, 'entities'),
      generateComponents(GENERATED, {
        prefix: 'fault-service',
        namespace: 'faults',
        // The evaluation asks TechDocs about each of these sites: a few seconds a run, long enough
        // to interrupt reliably.
        customize: (component, i) => {
          if (i % 5 === 0) {
            component.metadata.annotations!['backstage.io/techdocs-ref'] =
              'dir:.';
          }
        },
      }),
    );
    pgPort = await freePort();
    await startPostgres();
    // Runs only when the test asks for them.
    const onRequestOnly = JSON.stringify({
      frequency: 'PT1H',
      timeout: 'PT10M',
      initialDelay: 'PT1H',
    });
    env = {
      POSTGRES_HOST: connection.host,
      POSTGRES_PORT: String(connection.port),
      POSTGRES_USER: connection.user,
      POSTGRES_PASSWORD: connection.password,
      APP_CONFIG_catalog_locations: JSON.stringify([
        { type: 'file', target: '../../examples/all.yaml' },
        {
          type: 'file',
          target: file,
          rules: [{ allow: ['Component', 'Location'] }],
        },
      ]),
      APP_CONFIG_metadataQuality_schedule: onRequestOnly,
      APP_CONFIG_metadataQuality_refreshSchedule: onRequestOnly,
      APP_CONFIG_ownerValidation_schedule: onRequestOnly,
      APP_CONFIG_ownerValidation_changesSchedule: onRequestOnly,
      APP_CONFIG_lighthouse_permissions_admins: JSON.stringify([
        'user:default/guest',
      ]),
      // Building the generated sites in the background would change their has-techdocs result
      // between two runs; the test compares runs and needs the same input each time.
      APP_CONFIG_metadataQuality_techdocs_buildMissing: 'false',
    };
  });

  afterAll(async () => {
    if (backend) await stopBackend(backend);
    await stopPostgres();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.password`, { force: true });
  });

  it('fails fast while PostgreSQL is down, recovers without a restart and loses nothing', async () => {
    ({ backend, token } = await startReadyBackend({ env }));
    await poll(
      `the catalog to serve ${GENERATED} generated components`,
      async () => {
        const res = await get(
          '/api/catalog/entities/by-query?filter=metadata.namespace=faults&limit=1',
        );
        return res.ok && (await res.json()).totalItems >= GENERATED;
      },
      300_000,
      2000,
    );
    // The examples are ingested beside the generated components: the baseline is taken once the
    // catalog has stopped growing and two owner checks a few seconds apart find the same.
    let last = '';
    const findings = await poll(
      'the catalog and its owner findings to settle',
      async () => {
        expect((await post('/api/owner-validation/evaluate')).status).toBe(200);
        const all = await get('/api/catalog/entities/by-query?limit=1');
        const found = await findingSnapshot();
        const now = `${(await all.json()).totalItems}\n${found}`;
        const settled = now === last;
        last = now;
        return settled && found;
      },
      300_000,
      5000,
    );
    expect(findings).not.toBe('');
    const first = await post('/api/metadata-quality/evaluate');
    expect(first.status).toBe(200);
    const firstRun = await first.json();
    expect(firstRun.evaluated).toBeGreaterThanOrEqual(GENERATED);
    console.log(
      `Full evaluation of ${firstRun.evaluated} entities: ${firstRun.durationMs} ms`,
    );

    const scores = await scoreSnapshot();
    expect(scores.broken).toEqual([]);

    // An evaluation is under way when PostgreSQL goes down.
    const { run: interrupted, answer: during } = await catchHalfWay();
    await stopPostgres();

    const endpoints = [
      '/api/catalog/entities/by-name/component/default/legacy-invoicing',
      '/api/metadata-quality/entities/component/default/legacy-invoicing',
      '/api/owner-validation/findings',
      '/api/owner-validation/summary',
      '/api/metadata-quality/groups',
    ];
    const outage: string[] = [];
    for (const pathname of endpoints) {
      const started = Date.now();
      const res = await get(pathname, 30_000);
      const seconds = (Date.now() - started) / 1000;
      outage.push(`${pathname}: ${res.status} in ${seconds} s`);
      // Our plugins say 503 (try again); the catalog answers 500.
      const expected = pathname.startsWith('/api/catalog') ? 500 : 503;
      expect(`${pathname}: ${res.status}`).toBe(`${pathname}: ${expected}`);
      expect(seconds).toBeLessThan(10);
    }
    expect(await during).toBeGreaterThanOrEqual(500);
    console.log(`During the outage:\n${outage.join('\n')}`);

    await startPostgres();
    for (const pathname of endpoints) {
      await poll(
        `${pathname} to answer 200 again`,
        async () => (await get(pathname, 30_000)).status === 200,
        90_000,
        1000,
      );
    }

    // Nothing lost or half-written by the interrupted evaluation.
    const after = await scoreSnapshot();
    expect(after.broken).toEqual([]);
    expect(after.count).toBe(scores.count);
    expect(after.refs).toBe(scores.refs);
    expect(after.contents).toBe(scores.contents);
    expect(await findingSnapshot()).toBe(findings);
    // The interrupted run had rewritten some scores, not all.
    const [{ written }] = await query(
      QUALITY_DB,
      `SELECT count(*) AS written FROM quality_entity_scores
        WHERE evaluated_at >= (SELECT started_at FROM quality_evaluation_runs WHERE id = ${interrupted.id})`,
    );
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(written)).toBeLessThan(scores.count);

    // Writes work again; the interrupted run is closed as failed, or as abandoned once its
    // heartbeat is 30 s old (409 until then).
    const again = await evaluateWhenFree('an evaluation after the outage');
    expect(again.evaluated).toBe(scores.count);
    expect((await post('/api/owner-validation/evaluate')).status).toBe(200);
    expect(await findingSnapshot()).toBe(findings);
    const runs = await query(
      QUALITY_DB,
      `SELECT status FROM quality_evaluation_runs WHERE id >= ${interrupted.id} ORDER BY id`,
    );
    expect(runs.map(r => r.status)).toEqual([
      expect.stringMatching(/^(failed|abandoned)$/),
      'succeeded',
    ]);
  });

  it('completes the next evaluation after the backend is killed during one, leaving nothing corrupt', async () => {
    const before = await scoreSnapshot();
    // Kill once a run has written at least one page of scores and before it finishes.
    const { run, answer: killed } = await catchHalfWay();
    await stopBackend(backend!, 'SIGKILL');
    await killed;
    const [state] = await query(
      QUALITY_DB,
      `SELECT status, (SELECT count(*) FROM quality_entity_scores s WHERE s.evaluated_at >= r.started_at) AS written
         FROM quality_evaluation_runs r WHERE id = ${run.id}`,
    );
    // Killed mid-way: some scores are new, the rest from the run before, every row complete.
    expect(state.status).toBe('running');
    expect(Number(state.written)).toBeLessThan(before.count);
    const mid = await scoreSnapshot();
    expect(mid.broken).toEqual([]);
    expect(mid.refs).toBe(before.refs);

    ({ backend, token } = await startReadyBackend({ env }));
    const next = await evaluateWhenFree('an evaluation after the restart');
    expect(next.evaluated).toBe(before.count);

    const runs = await query(
      QUALITY_DB,
      `SELECT id, status, error FROM quality_evaluation_runs WHERE id >= ${run.id} ORDER BY id`,
    );
    expect(runs.map(r => r.status)).toEqual(['abandoned', 'succeeded']);
    const listed = await get('/api/metadata-quality/runs?limit=2');
    expect((await listed.json()).items.map((r: any) => r.status)).toEqual([
      'succeeded',
      'abandoned',
    ]);

    const after = await scoreSnapshot();
    expect(after.broken).toEqual([]);
    expect(after.refs).toBe(before.refs);
    expect(after.contents).toBe(before.contents);
    // The next run wrote every row the killed one had not reached.
    const [{ n }] = await query(
      QUALITY_DB,
      `SELECT count(*) AS n FROM quality_entity_scores WHERE content_hash IS NULL`,
    );
    expect(Number(n)).toBe(0);
    expect((await post('/api/owner-validation/evaluate')).status).toBe(200);
  });
});
