import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchBackend } from './backend.mjs';
import { waitFor } from './process.mjs';

/** Writes `count` generated components to a YAML file in a temp folder and returns its path. */
function writeEntities(count) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ingest-')), 'entities.yaml');
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
  fs.writeFileSync(file, docs.join('---\n'));
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
    locations: [{ type: 'file', target: file, rules: [{ allow: ['Component'] }] }],
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
