import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { LocalGitRepositories } from './LocalGitRepositories';
import { findNameProblem } from './nameAvailability';

/** Answer of `GET /api/scaffolder/golden-path/names/:name`. */
export interface NameAvailability {
  available: boolean;
  /** Why the name cannot be used, when it cannot. */
  problem?: string;
}

/**
 * `GET /golden-path/names/:name?kind=Component`, mounted under the scaffolder: whether a golden
 * path could create an entity of that name, judged as its validate step will, with the caller's
 * credentials. The scaffolder form asks it while the name is typed.
 */
export function createNameAvailabilityRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  repositories: LocalGitRepositories;
}): express.Router {
  const { httpAuth, ...deps } = options;
  const router = Router();
  router.get('/golden-path/names/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const kind = req.query.kind ?? 'Component';
    if (typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind)) {
      throw new InputError(`kind: '${String(kind)}' is not an entity kind`);
    }
    const problem = await findNameProblem(
      deps,
      { name: req.params.name, kind },
      credentials,
    );
    const body: NameAvailability = problem
      ? { available: false, problem }
      : { available: true };
    res.json(body);
  });
  return router;
}
