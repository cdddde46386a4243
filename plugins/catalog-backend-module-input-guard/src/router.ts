import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogProcessingProblemsReadPermission } from '@internal/plugin-catalog-problems-common';
import express from 'express';
import Router from 'express-promise-router';
import { CatalogRefreshState } from './CatalogRefreshState';
import { listProcessingProblems } from './listProcessingProblems';
import { RefusedDocumentsStore } from './RefusedDocumentsStore';
import { unregisterLocation } from './unregisterLocation';

function integer(value: unknown, name: string, fallback: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new InputError(
      `Invalid query parameter '${name}': use a whole number from 0 to ${max}`,
    );
  }
  return n;
}

/**
 * Under the catalog's API: `GET /processing-problems`, what the catalog could not take, and
 * `DELETE /processing-problems/locations/:id`, unregistering a broken registration.
 */
export function createProcessingProblemsRouter(options: {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  refreshState: CatalogRefreshState;
  refusals: RefusedDocumentsStore;
}): express.Router {
  const { httpAuth, permissions, refreshState, refusals } = options;
  const router = Router();
  router.get('/processing-problems', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: catalogProcessingProblemsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Reading catalog processing problems needs the '${catalogProcessingProblemsReadPermission.name}' permission`,
      );
    }
    const limit = integer(req.query.limit, 'limit', 500, 1000);
    const offset = integer(
      req.query.offset,
      'offset',
      0,
      Number.MAX_SAFE_INTEGER,
    );
    res.json(
      await listProcessingProblems(refreshState, refusals, {
        limit: Math.max(limit, 1),
        offset,
      }),
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
  return router;
}
