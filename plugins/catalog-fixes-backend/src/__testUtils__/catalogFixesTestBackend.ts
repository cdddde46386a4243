import type {
  BackendFeature,
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  createOpenApiRequest,
  startPluginTestBackend,
  testPostgres,
} from '@internal/backend-test-utils';
import { LocalGitRepositories } from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { catalogFixesPlugin } from '../plugin';
import { spec } from '../schema/openapi/generated';

const databases = testPostgres();
const openApiRequest = createOpenApiRequest(spec, '/api/catalog-fixes');

/**
 * Local git repositories in a new temporary folder `root`, one for each entry of `repos`
 * (repository name to its files, path to text), each with one commit on `main`.
 */
export async function createLocalGitRepositories(
  prefix: string,
  repos: Record<string, Record<string, string>>,
) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const repositories = new LocalGitRepositories(root);
  for (const [name, files] of Object.entries(repos)) {
    const source = path.join(root, `source-${name}`);
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(source, file)), {
        recursive: true,
      });
      await fs.writeFile(path.join(source, file), text);
    }
    await repositories.create({
      name,
      sourceDir: source,
      defaultBranch: 'main',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
      message: 'Initial commit',
    });
  }
  return { root, repositories };
}

/**
 * Local git repositories as {@link createLocalGitRepositories} makes them, afresh for each test of
 * the `describe` block this is called in (before the block's own `beforeEach`), removed after it.
 */
export function localGitRepositoriesPerTest(
  prefix: string,
  repos: Record<string, Record<string, string>>,
) {
  const current = {} as Awaited<ReturnType<typeof createLocalGitRepositories>>;
  beforeEach(async () => {
    Object.assign(current, await createLocalGitRepositories(prefix, repos));
  });
  afterEach(async () => {
    await fs.rm(current.root, { recursive: true, force: true });
  });
  return current;
}

/**
 * The catalog-fixes plugin on a test backend whose local git repositories live in `root`, with
 * `features` besides (stand-ins of the plugins it calls). Returns requests to its routes, checked
 * against its OpenAPI document: as a user, or (`anonymous`) without credentials.
 */
export async function startCatalogFixesBackend(options: {
  root: string;
  features: BackendFeature[];
  entities: Entity[];
  permissions: ServiceFactory<PermissionsService>;
  send?: (notification: unknown) => unknown;
  /** `catalogFixes` config besides `refreshTimeoutSeconds`. */
  catalogFixes?: Record<string, unknown>;
}) {
  const server = await startPluginTestBackend({
    knex: await databases.init(),
    entities: options.entities,
    permissions: options.permissions,
    send: options.send,
    features: [catalogFixesPlugin, ...options.features],
    config: {
      scaffolder: { localGit: { root: options.root } },
      catalogFixes: { refreshTimeoutSeconds: 0.2, ...options.catalogFixes },
    },
  });
  const agent = openApiRequest(server);
  const user = mockCredentials.user.header();
  return {
    get: (p: string) =>
      agent.get(`/api/catalog-fixes${p}`).set('Authorization', user),
    post: (p: string) =>
      agent.post(`/api/catalog-fixes${p}`).set('Authorization', user),
    anonymous: (p: string) =>
      agent
        .post(`/api/catalog-fixes${p}`)
        .set('Authorization', mockCredentials.none.header()),
  };
}
