import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchBackend } from './backend.mjs';
import { requireWorkspace } from './workspace.mjs';

const { generateComponents, poll, writeCatalogFiles } = requireWorkspace(
  '@internal/backend-test-utils',
);

/**
 * Starts the backend with `count` generated components (namespace `bench`, catalog files of 500
 * listed by one Location) as its only location and measures cold start and the time until the
 * catalog API serves all of them. `without` leaves a backend plugin out.
 */
export async function measureIngestion({ count, port, postgresPort, without }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ingest-'));
  const file = writeCatalogFiles(
    dir,
    generateComponents(count, { prefix: 'bench-service', namespace: 'bench' }),
  );
  const backend = await startBenchBackend({
    port,
    postgresPort,
    locations: [
      {
        type: 'file',
        target: file,
        rules: [{ allow: ['Component', 'Location'] }],
      },
    ],
    without,
  });
  try {
    const ready = await backend.ready();
    const ingested = async () => {
      const res = await backend.api(
        '/api/catalog/entities/by-query?filter=metadata.namespace=bench&limit=1',
      );
      return res.ok ? (await res.json()).totalItems : 0;
    };
    await poll(
      `the catalog to serve ${count} generated components`,
      async () => (await ingested()) >= count,
      900_000,
      1000,
    );
    const seconds = (Date.now() - ready) / 1000;
    return {
      coldStartSeconds: (ready - backend.startedAt) / 1000,
      seconds,
      rate: count / seconds,
      peakRssMiB: backend.peakRssMiB(),
    };
  } catch (e) {
    throw new Error(`${e.message}\n${backend.output().slice(-4000)}`);
  } finally {
    await backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
