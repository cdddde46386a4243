import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { openApiInputErrorHandler } from '@internal/backend-errors';
import express from 'express';
import { LocalGitRepositories } from './LocalGitRepositories';
import { findNameProblem } from './nameAvailability';
import {
  createOpenApiRouter,
  documentedPathsOnly,
} from './schema/openapi/generated';

/**
 * `GET /golden-path/names/:name?kind=Component`, mounted under the scaffolder: whether a golden
 * path could create an entity of that name, judged as its validate step will, with the caller's
 * credentials. The scaffolder form asks it while the name is typed. Requests are validated
 * against src/schema/openapi.yaml.
 */
export async function createNameAvailabilityRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  repositories: LocalGitRepositories;
}): Promise<express.Router> {
  const { httpAuth, ...deps } = options;
  const router = await createOpenApiRouter();
  router.get('/golden-path/names/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const problem = await findNameProblem(
      deps,
      { name: req.params.name, kind: req.query.kind ?? 'Component' },
      credentials,
    );
    res.json(problem ? { available: false, problem } : { available: true });
  });
  router.use(openApiInputErrorHandler);
  // The scaffolder's own routes and /openapi.json stay the scaffolder's.
  return documentedPathsOnly(router);
}
