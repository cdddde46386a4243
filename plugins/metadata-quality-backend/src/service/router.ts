import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  metadataQualityEvaluatePermission,
  metadataQualityReadPermission,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { QualityStore } from '../database/QualityStore';
import { RunStore } from '../database/RunStore';
import { EvaluationSummary } from './QualityEvaluator';
import { databaseUnavailableHandler } from '@internal/backend-errors';

const score = z.coerce.number().min(0).max(100);

const listQuery = z.object({
  kind: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  level: z.string().min(1).optional(),
  failingRule: z.string().min(1).optional(),
  minScore: score.optional(),
  maxScore: score.optional(),
  orderBy: z.enum(['score', 'name', 'evaluatedAt']).default('score'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const runsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(20),
});

const historyQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(90),
});

function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue.path.join('.');
    throw new InputError(`Invalid query parameter '${name}': ${issue.message}`);
  }
  return result.data;
}

function toGroupRef(value: string, param: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `Invalid query parameter '${param}': '${value}' is not an entity reference`,
    );
  }
}

/** The HTTP API; see src/schema/openapi.yaml. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: QualityStore;
  runs?: RunStore;
  rules: QualityRule[];
  levels: QualityLevel[];
  evaluate: () => Promise<EvaluationSummary>;
}): Promise<express.Router> {
  const { httpAuth, permissions, store } = options;
  const router = Router();
  router.use(express.json());

  // 401 without credentials, 403 without the permission. The permissions service allows service
  // principals (other plugins) without asking the policy.
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
      metadataQualityReadPermission,
      'Not allowed to read metadata quality',
    );

  router.get('/rules', async (req, res) => {
    await read(req);
    res.json({ rules: options.rules, levels: options.levels });
  });

  router.get('/entities', async (req, res) => {
    await read(req);
    const q = parseQuery(listQuery, req.query);
    if (
      q.level &&
      q.level !== 'none' &&
      !options.levels.some(l => l.name === q.level)
    ) {
      throw new InputError(
        `Invalid query parameter 'level': '${q.level}' is not one of ${[
          ...options.levels.map(l => l.name),
          'none',
        ].join(', ')}`,
      );
    }
    if (q.failingRule && !options.rules.some(r => r.id === q.failingRule)) {
      throw new InputError(
        `Invalid query parameter 'failingRule': no rule '${q.failingRule}'`,
      );
    }
    res.json(
      await store.listEntities({
        kind: q.kind,
        ownerRef: q.owner ? toGroupRef(q.owner, 'owner') : undefined,
        level: q.level,
        failingRule: q.failingRule,
        minScore: q.minScore,
        maxScore: q.maxScore,
        orderBy: q.orderBy,
        order: q.order,
        limit: q.limit,
        offset: q.offset,
      }),
    );
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    await read(req);
    const ref = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    }).toLocaleLowerCase('en-US');
    const entity = await store.getEntity(ref);
    if (!entity) throw new NotFoundError(`No score for entity '${ref}'`);
    res.json(entity);
  });

  router.get('/summary', async (req, res) => {
    await read(req);
    res.json(await store.overallSummary());
  });

  router.get('/groups', async (req, res) => {
    await read(req);
    res.json({ items: await store.groupSummaries() });
  });

  router.get('/history/entities/:kind/:namespace/:name', async (req, res) => {
    await read(req);
    const { days } = parseQuery(historyQuery, req.query);
    const ref = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    }).toLocaleLowerCase('en-US');
    if (!(await store.getEntity(ref))) {
      throw new NotFoundError(`No score for entity '${ref}'`);
    }
    res.json({ entityRef: ref, items: await store.entityHistory(ref, days) });
  });

  router.get('/history/groups/:namespace/:name', async (req, res) => {
    await read(req);
    const { days } = parseQuery(historyQuery, req.query);
    const ref = stringifyEntityRef({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    }).toLocaleLowerCase('en-US');
    res.json({ groupRef: ref, items: await store.groupHistory(ref, days) });
  });

  router.get('/runs', async (req, res) => {
    await read(req);
    const { limit } = parseQuery(runsQuery, req.query);
    res.json({ items: (await options.runs?.list(limit)) ?? [] });
  });

  router.post('/evaluate', async (req, res) => {
    await authorize(
      req,
      metadataQualityEvaluatePermission,
      'Not allowed to re-evaluate metadata quality',
    );
    res.json(await options.evaluate());
  });

  router.use(databaseUnavailableHandler);
  return router;
}
