// The New service golden path on a bench backend (lib/backend.mjs): the catalog it needs and the
// folder of the local git repositories it creates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchBackend } from './backend.mjs';
import { requireWorkspace } from './workspace.mjs';

const { poll } = requireWorkspace('@internal/backend-test-utils');

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

/**
 * A bench backend (`port`, `postgresPort`, `env` as startBenchBackend's) whose catalog holds the
 * example organisation and systems and the New service template, with its local git repositories
 * in a new temporary folder named from `prefix`. Returns it, the folder, `served(ref)`: whether
 * the catalog serves `kind/namespace/name`, and `stop()`, which stops the backend and removes the
 * folder.
 */
export async function startGoldenPathBackend({ prefix, env = {}, ...options }) {
  const repositories = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const backend = await startBenchBackend({
    ...options,
    locations: [
      { type: 'file', target: path.join(root, 'examples', 'org.yaml') },
      { type: 'file', target: path.join(root, 'examples', 'systems.yaml') },
      {
        type: 'file',
        target: path.join(root, 'templates', 'new-service', 'template.yaml'),
        rules: [{ allow: ['Template'] }],
      },
    ],
    env: { APP_CONFIG_scaffolder_localGit_root: repositories, ...env },
  });
  const served = async ref =>
    (await backend.api(`/api/catalog/entities/by-name/${ref}`)).ok;
  const stop = async () => {
    await backend.stop();
    fs.rmSync(repositories, { recursive: true, force: true });
  };
  return { backend, repositories, served, stop };
}

/** Waits until the catalog serves what the golden path asks for: its team, system and template. */
export async function goldenPathServed(served) {
  for (const ref of [
    'group/default/logistics',
    'system/default/shipping',
    'template/default/new-service',
  ]) {
    await poll(`the catalog to serve ${ref}`, () => served(ref), 180_000);
  }
}
