import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogProcessingProblemsReadPermission } from '@internal/plugin-catalog-problems-common';
import express from 'express';
import Router from 'express-promise-router';
import { CatalogRefreshState } from './CatalogRefreshState';

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

/** `GET /processing-problems` under the catalog's API: entities the catalog could not process. */
export function createProcessingProblemsRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  refreshState: CatalogRefreshState;
}): express.Router {
  const { httpAuth, permissions, refreshState } = options;
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
      await refreshState.listProblems({ limit: Math.max(limit, 1), offset }),
    );
  });
  return router;
}
