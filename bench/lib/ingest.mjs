import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchBackend } from './backend.mjs';
import { waitFor } from './process.mjs';

/** Components per file: a catalog-info.yaml stays far below the input guard's 2 MiB limit. */
const PER_FILE = 500;

/**
 * Writes `count` generated components to YAML files of {@link PER_FILE} in a temp folder, and a
 * Location listing them; returns the Location's path.
 */
function writeEntities(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ingest-'));
  const docs = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-service-${i}
  namespace: bench
  description: Generated service number ${i} for the ingestion benchmark.
  tags: [bench, generated]
  annotations:
    backstage.io/source-location: url:https://git.acme-logistics.example/bench/service-${i}
spec:
  type: service
  lifecycle: production
  owner: group:default/${['platform', 'payments', 'logistics', 'web'][i % 4]}
  system: ${['payments', 'shipping', 'developer-portal'][i % 3]}
`);
  }
  const targets = [];
  for (let i = 0; i < docs.length; i += PER_FILE) {
    const name = `entities-${i / PER_FILE}.yaml`;
    fs.writeFileSync(path.join(dir, name), docs.slice(i, i + PER_FILE).join('---\n'));
    targets.push(`./${name}`);
  }
  const file = path.join(dir, 'all.yaml');
  fs.writeFileSync(
    file,
    `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: bench-entities\n  namespace: bench\nspec:\n  targets: ${JSON.stringify(targets)}\n`,
  );
  return file;
}

/**
 * Starts the backend with `count` generated components as its only location and measures cold start
 * and the time until the catalog API serves all of them. `without` leaves a backend plugin out.
 */
export async function measureIngestion({ count, port, postgresPort, without }) {
  const file = writeEntities(count);
  const backend = await startBenchBackend({
    port,
    postgresPort,
    locations: [{ type: 'file', target: file, rules: [{ allow: ['Component', 'Location'] }] }],
    without,
  });
  try {
    const ready = await backend.ready();
    const ingested = async () => {
      const res = await backend.api('/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1');
      return res.ok ? (await res.json()).totalItems : 0;
    };
    await waitFor(async () => (await ingested()) >= count, 900_000, 1000);
    const seconds = (Date.now() - ready) / 1000;
    return {
      coldStartSeconds: (ready - backend.startedAt) / 1000,
      seconds,
      rate: count / seconds,
      peakRssMiB: backend.peakRssMiB(),
    };
  } catch (e) {
    throw new Error(`${e.message}\n${backend.stderr()}`);
  } finally {
    await backend.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
