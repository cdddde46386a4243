import {
  BackendProcess,
  api,
  poll,
  queryPostgres,
  startReadyBackend,
  stopBackend,
} from '@internal/backend-test-utils';

// Two real backends on one PostgreSQL (the one `scripts/portal test` provides through POSTGRES_*),
// with the scheduled quality evaluation and ownership check every 10 s: each runs once per
// interval across both replicas, both replicas serve the same results, and when one replica stops
// the other carries on with the schedule.
jest.setTimeout(420_000);

const prefix = `replicas_${Date.now().toString(36)}_`;
const INTERVAL_S = 10;

const schedule = JSON.stringify({
  frequency: `PT${INTERVAL_S}S`,
  timeout: 'PT2M',
  initialDelay: 'PT2S',
});

const env = {
  APP_CONFIG_backend_database_prefix: prefix,
  APP_CONFIG_metadataQuality_schedule: schedule,
  APP_CONFIG_ownerValidation_schedule: schedule,
  // Only the example organisation: small, so runs are short.
  APP_CONFIG_catalog_locations: JSON.stringify([
    { type: 'file', target: '../../examples/all.yaml' },
  ]),
};

interface Run {
  id: number;
  instance: string;
  status: string;
  startedAt: string;
  finishedAt?: string;
}

/** The database clock, which run times use too. */
async function dbNow(): Promise<number> {
  const [{ now }] = await queryPostgres(
    'postgres',
    'SELECT clock_timestamp() AS now',
  );
  return new Date(now).getTime();
}

describe('two replicas on one PostgreSQL', () => {
  const backends: BackendProcess[] = [];

  afterAll(async () => {
    for (const backend of backends) await stopBackend(backend);
  });

  it('run the scheduled evaluation once per interval and serve the same results', async () => {
    // One after the other: the first creates the databases and runs the migrations.
    const { backend: a, token: tokenA } = await startReadyBackend({ env });
    backends.push(a);
    const { backend: b, token: tokenB } = await startReadyBackend({ env });
    backends.push(b);

    const since = await dbNow();
    const runsAfter = async (plugin: string) => {
      const res = await api(a.baseUrl, tokenA, `/api/${plugin}/runs?limit=100`);
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: Run[] };
      return items
        .filter(r => Date.parse(r.startedAt) >= since)
        .sort((x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt));
    };

    // Four intervals' worth of runs of each plugin after both replicas are up.
    const plugins = ['metadata-quality', 'owner-validation'];
    const runs: Record<string, Run[]> = {};
    for (const plugin of plugins) {
      runs[plugin] = await poll(
        `4 finished ${plugin} runs`,
        async () => {
          const finished = (await runsAfter(plugin)).filter(r => r.finishedAt);
          return finished.length >= 4 && finished;
        },
        180_000,
        1000,
      );
    }
    const until = await dbNow();

    for (const plugin of plugins) {
      const all = (await runsAfter(plugin)).filter(
        r => Date.parse(r.startedAt) <= until,
      );
      const summary = all
        .map(
          r =>
            `${r.startedAt} ${r.finishedAt ?? '-'} ${r.status} ${r.instance}`,
        )
        .join('\n');
      // No two runs overlap: each finished before the next one started.
      for (let i = 1; i < all.length; i++) {
        const previousEnd = all[i - 1].finishedAt;
        expect(previousEnd).toBeDefined();
        expect(Date.parse(previousEnd!)).toBeLessThanOrEqual(
          Date.parse(all[i].startedAt),
        );
      }
      // About one run per interval, not one per replica: the scheduler polls every 5 s, so
      // consecutive starts are 5-15 s apart; two replicas each running on their own would start
      // runs at the same moment and twice as often.
      const gaps = all
        .slice(1)
        .map(
          (r, i) =>
            (Date.parse(r.startedAt) - Date.parse(all[i].startedAt)) / 1000,
        );
      if (Math.min(...gaps) < 4)
        throw new Error(`${plugin} runs too close:\n${summary}`);
      const windowS = (until - since) / 1000;
      if (all.length > windowS / INTERVAL_S + 2) {
        throw new Error(
          `${all.length} ${plugin} runs in ${windowS} s:\n${summary}`,
        );
      }
      expect(
        all.every(r => r.status === 'succeeded' || r.status === 'running'),
      ).toBe(true);
    }

    // Both replicas answer with the same bodies (read back to back, between two runs).
    const same = async (pathname: string) =>
      poll(
        `identical answers to ${pathname}`,
        async () => {
          const [x, y] = await Promise.all([
            api(a.baseUrl, tokenA, pathname),
            api(b.baseUrl, tokenB, pathname),
          ]);
          expect(x.status).toBe(200);
          expect(y.status).toBe(200);
          const [bodyA, bodyB] = [await x.text(), await y.text()];
          return bodyA === bodyB && bodyA;
        },
        60_000,
        700,
      );
    const score = JSON.parse(
      await same(
        '/api/metadata-quality/entities/component/default/legacy-invoicing',
      ),
    );
    expect(score.results.length).toBeGreaterThan(0);
    expect(
      JSON.parse(await same('/api/metadata-quality/entities?limit=500'))
        .totalItems,
    ).toBeGreaterThan(5);
    const findings = JSON.parse(await same('/api/owner-validation/findings'));
    expect(findings.totalCount).toBeGreaterThan(0);
    await same('/api/owner-validation/summary');

    // The replica that ran them goes away: the other one takes over the schedule.
    await stopBackend(a);
    const stoppedAt = await dbNow();
    for (const plugin of plugins) {
      const afterStop = await poll(
        `a ${plugin} run on the remaining replica`,
        async () => {
          const res = await api(
            b.baseUrl,
            tokenB,
            `/api/${plugin}/runs?limit=100`,
          );
          const { items } = (await res.json()) as { items: Run[] };
          const later = items.filter(
            r => Date.parse(r.startedAt) > stoppedAt && r.finishedAt,
          );
          return later.length > 0 && later;
        },
        120_000,
        1000,
      );
      expect(afterStop[0].status).toBe('succeeded');
    }
  });
});
