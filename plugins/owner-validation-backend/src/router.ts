import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createRequestAuthorizer } from '@internal/backend-authorize';
import {
  CheckEntitiesResponse,
  ownerValidationEvaluatePermission,
  normalizedRef,
  ownerValidationReadPermission,
  parseOwnerRef,
} from '@internal/plugin-owner-validation-common';
import express from 'express';
import { routerErrorHandlers } from '@internal/backend-errors';
import { FindingsStore } from './database/FindingsStore';
import { createOpenApiRouter, spec } from './schema/openapi/generated';
import { OwnerCheckRunner } from './service/OwnerCheckRunner';

/** The most entities `POST /check` takes at once (`maxItems` in the OpenAPI document). */
export const MAX_CHECK_ENTITIES =
  spec.components.schemas.CheckEntitiesRequest.properties.entities.maxItems;

/** The plugin's HTTP API: src/schema/openapi.yaml, requests validated against it. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: FindingsStore;
  runner: OwnerCheckRunner;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog, store, runner } = options;
  const router = await createOpenApiRouter();

  const authorize = createRequestAuthorizer({ httpAuth, permissions });
  const read = (req: express.Request<any, any, any, any>) =>
    authorize(
      req,
      ownerValidationReadPermission,
      'Not allowed to read owner findings',
    );

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const credentials = await read(req);
    const { kind, namespace, name } = req.params;
    const entityRef = normalizedRef({ kind, namespace, name });
    const entity = await catalog.getEntityByRef(
      { kind, namespace, name },
      { credentials },
    );
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}'`);
    }
    res.json({ entityRef, findings: await store.getEntityFindings(entityRef) });
  });

  router.get('/findings', async (req, res) => {
    await read(req);
    const { status = 'open', limit = 100, offset = 0, ...query } = req.query;
    let team: string | undefined;
    if (query.team) {
      team = parseOwnerRef(query.team)?.ref;
      if (!team) {
        throw new InputError(
          `Invalid query parameter 'team': '${query.team}' is not an entity reference`,
        );
      }
    }
    const { items, totalCount } = await store.listFindings({
      types: query.type,
      severities: query.severity,
      kinds: query.kind?.map(k => k.toLocaleLowerCase('en-US')),
      team,
      status,
      limit,
      offset,
    });
    res.json({ items, totalCount, limit, offset });
  });

  router.get('/summary', async (req, res) => {
    await read(req);
    res.json(await store.getSummary());
  });

  router.get('/runs', async (req, res) => {
    await read(req);
    res.json({ items: await store.listRuns(req.query.limit ?? 20) });
  });

  // Checks entities before they are registered (the catalog-import review step); stores nothing.
  router.post('/check', async (req, res) => {
    await read(req);
    const { entities } = req.body;
    const body: CheckEntitiesResponse = {
      items: await runner.checkEntities(entities as Entity[]),
    };
    res.json(body);
  });

  router.post('/evaluate', async (req, res) => {
    await authorize(
      req,
      ownerValidationEvaluatePermission,
      'Not allowed to run the ownership check',
    );
    res.json(await runner.run('manual'));
  });

  router.use(...routerErrorHandlers);
  return router;
}
