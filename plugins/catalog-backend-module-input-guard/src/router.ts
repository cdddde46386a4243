import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogProcessingProblemsReadPermission } from '@internal/plugin-catalog-problems-common';
import { createRequestAuthorizer } from '@internal/backend-authorize';
import { routerErrorHandlers } from '@internal/backend-errors';
import express from 'express';
import { CatalogRefreshState } from '@internal/backend-catalog-refresh-state';
import { listProcessingProblems } from './listProcessingProblems';
import { RefusedDocumentsStore } from './RefusedDocumentsStore';
import {
  createOpenApiRouter,
  documentedPathsOnly,
} from './schema/openapi/generated';
import { unregisterLocation } from './unregisterLocation';

/**
 * Under the catalog's API: `GET /processing-problems`, what the catalog could not take, and
 * `DELETE /processing-problems/locations/:id`, unregistering a broken registration. Requests are
 * validated against src/schema/openapi.yaml.
 */
export async function createProcessingProblemsRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  refreshState: CatalogRefreshState;
  refusals: RefusedDocumentsStore;
}): Promise<express.Router> {
  const { httpAuth, permissions, refreshState, refusals } = options;
  const router = await createOpenApiRouter();
  const authorize = createRequestAuthorizer({ httpAuth, permissions });
  router.get('/processing-problems', async (req, res) => {
    await authorize(
      req,
      catalogProcessingProblemsReadPermission,
      `Reading catalog processing problems needs the '${catalogProcessingProblemsReadPermission.name}' permission`,
    );
    const { limit = 500, offset = 0 } = req.query;
    res.json(
      await listProcessingProblems(refreshState, refusals, { limit, offset }),
    );
  });
  router.delete('/processing-problems/locations/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await unregisterLocation({
      id: req.params.id,
      credentials,
      auth: options.auth,
      catalog: options.catalog,
      permissions,
    });
    res.status(204).end();
  });
  router.use(...routerErrorHandlers);

  // The catalog's own routes and /openapi.json stay the catalog's.
  return documentedPathsOnly(router);
}
