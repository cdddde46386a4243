import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  CheckEntitiesResponse,
  OWNER_FINDING_TYPES,
  ownerValidationEvaluatePermission,
  ownerValidationReadPermission,
  parseOwnerRef,
} from '@internal/plugin-owner-validation-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { FindingsStore } from './database/FindingsStore';
import { OwnerCheckRunner } from './service/OwnerCheckRunner';
import { databaseUnavailableHandler } from '@internal/backend-errors';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform(v => (Array.isArray(v) ? v : [v]) as z.infer<T>[])
    .optional();

const listQuery = z.object({
  type: list(z.enum(OWNER_FINDING_TYPES)),
  severity: list(z.enum(['error', 'warning'])),
  kind: list(z.string().min(1)),
  team: z.string().min(1).optional(),
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const runsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(20),
});

/** The most entities `POST /check` takes at once. */
export const MAX_CHECK_ENTITIES = 100;

const checkBody = z.object({
  entities: z
    .array(
      z.looseObject({
        kind: z.string().min(1),
        metadata: z.looseObject({
          name: z.string().min(1),
          namespace: z.string().min(1).optional(),
        }),
      }),
    )
    .min(1)
    .max(MAX_CHECK_ENTITIES),
});

function parse<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
) {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid ${what} '${issue.path.join('.')}': ${issue.message}`,
    );
  }
  return result.data as z.infer<T>;
}

function parseQuery<T extends z.ZodTypeAny>(schema: T, query: unknown) {
  return parse(schema, query, 'query parameter');
}

/** The plugin's HTTP API. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: FindingsStore;
  runner: OwnerCheckRunner;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog, store, runner } = options;
  const router = Router();
  router.use(express.json());

  // 401 without credentials, 403 without the permission. The permissions service allows service
  // principals (other plugins, such as metadata-quality) without asking the policy.
  const authorize = async (
    req: express.Request,
    permission: BasicPermission,
    message: string,
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(message);
    }
    return credentials;
  };
  const read = (req: express.Request) =>
    authorize(
      req,
      ownerValidationReadPermission,
      'Not allowed to read owner findings',
    );

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const credentials = await read(req);
    const { kind, namespace, name } = req.params;
    const entityRef = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
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
    const query = parseQuery(listQuery, req.query);
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
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    res.json({ items, totalCount, limit: query.limit, offset: query.offset });
  });

  router.get('/summary', async (req, res) => {
    await read(req);
    res.json(await store.getSummary());
  });

  router.get('/runs', async (req, res) => {
    await read(req);
    const { limit } = parseQuery(runsQuery, req.query);
    res.json({ items: await store.listRuns(limit) });
  });

  // Checks entities before they are registered (the catalog-import review step); stores nothing.
  router.post('/check', async (req, res) => {
    await read(req);
    const { entities } = parse(checkBody, req.body ?? {}, 'request body field');
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

  router.use(databaseUnavailableHandler);
  return router;
}
