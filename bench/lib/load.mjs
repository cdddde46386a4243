// The read load of bench/load.mjs and bench/scale.mjs: concurrent clients looping over a mix of
// reads (catalog, metadata quality, owner validation) back to back against a running bench backend.

/**
 * The request mixes: name and path of each kind of read; `component()` names a component to read.
 * `all`: seven reads, the catalog's list of components sorted by name among them. `listings`: the
 * reads issue 16 sets its targets for, the quality leaderboard, the worst entities and the ownership
 * listing, beside the stock catalog's read of one entity by name they are compared with.
 */
function requestMix(component, mix) {
  if (mix === 'listings') {
    return [
      [
        'catalog_entity',
        () => `/api/catalog/entities/by-name/component/${component()}`,
      ],
      ['quality_groups', () => '/api/metadata-quality/groups'],
      [
        'quality_entities',
        () => '/api/metadata-quality/entities?orderBy=score&order=asc&limit=50',
      ],
      ['ownership_findings', () => '/api/owner-validation/findings?limit=100'],
    ];
  }
  return [
    [
      'catalog_by_query',
      () =>
        '/api/catalog/entities/by-query?filter=kind=component&limit=20&orderField=metadata.name,asc',
    ],
    [
      'catalog_entity',
      () => `/api/catalog/entities/by-name/component/${component()}`,
    ],
    [
      'quality_entity',
      () => `/api/metadata-quality/entities/component/${component()}`,
    ],
    ['quality_groups', () => '/api/metadata-quality/groups'],
    [
      'quality_entities',
      () => '/api/metadata-quality/entities?orderBy=score&order=asc&limit=50',
    ],
    ['ownership_findings', () => '/api/owner-validation/findings?limit=100'],
    ['ownership_summary', () => '/api/owner-validation/summary'],
  ];
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/**
 * Runs `clients` clients for `seconds` over the reads of `mix` (`all` or `listings`) and prints `<prefix>_<read>_p50/p95/p99` (ms), each in-house
 * read's p50 over the catalog's entity-by-name p50 (x), throughput and status counts. `component()`
 * returns `namespace/name` of a component to read. Resolves to the count of 5xx and failed requests.
 */
export async function runLoad({
  backend,
  clients,
  seconds,
  component,
  prefix = 'load',
  mix = 'all',
}) {
  const requests = requestMix(component, mix);
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
    for (const p of [50, 95, 99]) {
      console.log(
        `${prefix}_${name}_p${p}: ${percentile(values, p).toFixed(1)} ms`,
      );
    }
  }
  // Each in-house read beside the stock catalog's read of one entity by name, in the same run.
  const stockP50 = percentile(latencies.get('catalog_entity'), 50);
  for (const [name, values] of latencies) {
    if (name.startsWith('catalog_')) continue;
    console.log(
      `${prefix}_${name}_p50_vs_catalog_entity: ${(
        percentile(values, 50) / stockP50
      ).toFixed(2)} x`,
    );
  }
  const sum = filter =>
    [...statuses].filter(([s]) => filter(s)).reduce((n, [, c]) => n + c, 0);
  const errors5xx = sum(s => s >= 500);
  console.log(`${prefix}_clients: ${clients} clients`);
  console.log(`${prefix}_duration: ${elapsed.toFixed(1)} s`);
  console.log(`${prefix}_requests: ${count} requests`);
  console.log(
    `${prefix}_throughput: ${(count / elapsed).toFixed(1)} requests/s`,
  );
  console.log(`${prefix}_5xx: ${errors5xx} responses`);
  console.log(`${prefix}_4xx_3xx: ${sum(s => s >= 300 && s < 500)} responses`);
  console.log(`${prefix}_failed_requests: ${failures} requests`);
  return { errors5xx, failures };
}
