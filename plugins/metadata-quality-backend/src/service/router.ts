import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { createRequestAuthorizer } from '@internal/backend-authorize';
import {
  EvaluationSummary,
  metadataQualityEvaluatePermission,
  metadataQualityReadPermission,
  QualityLevel,
  QualityRule,
  refOf,
} from '@internal/plugin-metadata-quality-common';
import express from 'express';
import { routerErrorHandlers } from '@internal/backend-errors';
import { QualityStore } from '../database/QualityStore';
import { RunStore } from '../database/RunStore';
import { VerificationStore } from '../database/VerificationStore';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { addVerificationRoutes } from './verificationRoutes';
import { addExemptionRoutes } from './exemptionRoutes';
import { ExemptionStore } from '../database/ExemptionStore';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { InitiativeStore } from '../database/InitiativeStore';
import { toGroupRef } from './groupRefParam';
import { addInitiativeRoutes } from './initiativeRoutes';

/**
 * The plugin's HTTP API: src/schema/openapi.yaml, requests validated against it and the handlers
 * typed from it (`scripts/portal openapi` generates the router).
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: QualityStore;
  runs?: RunStore;
  rules: QualityRule[];
  levels: QualityLevel[];
  evaluate: () => Promise<EvaluationSummary>;
  /** Confirmations by owners; with `catalog` and `rescore`, the confirmation routes are served. */
  verification?: {
    store: VerificationStore;
    catalog: CatalogService;
    rescore: (entityRefs: string[]) => Promise<unknown>;
    clock?: () => Date;
    /** Exemptions; with them the exemption routes are served. */
    exemptions?: ExemptionStore;
    /** Days ahead an exemption may end at most. */
    exemptionMaxDays?: number;
    /** Tells requesters how their exemptions were decided. */
    notifications?: NotificationService;
    logger?: LoggerService;
  };
  /** Initiatives; with them the initiative routes and filters are served. */
  initiatives?: {
    store: InitiativeStore;
    /** Starts a full evaluation without waiting for it. */
    evaluateSoon: () => void;
    clock?: () => Date;
  };
}): Promise<express.Router> {
  const { httpAuth, permissions, store } = options;
  const router = await createOpenApiRouter();

  const authorize = createRequestAuthorizer({ httpAuth, permissions });
  const read = (req: express.Request<any, any, any, any>) =>
    authorize(
      req,
      metadataQualityReadPermission,
      'Not allowed to read metadata quality',
    );

  /** The initiative a query filters by, checked to exist. */
  const initiativeFilter = async (id: number | undefined) => {
    if (id === undefined) return undefined;
    if (!(await options.initiatives?.store.get(id))) {
      throw new InputError(
        `Invalid query parameter 'initiative': no initiative '${id}'`,
      );
    }
    return id;
  };

  router.get('/rules', async (req, res) => {
    await read(req);
    res.json({ rules: options.rules, levels: options.levels });
  });

  router.get('/entities', async (req, res) => {
    await read(req);
    const q = req.query;
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
        kind: q.kind || undefined,
        ownerRef: q.owner ? toGroupRef(q.owner, 'owner') : undefined,
        level: q.level || undefined,
        failingRule: q.failingRule || undefined,
        initiative: await initiativeFilter(q.initiative),
        minScore: q.minScore,
        maxScore: q.maxScore,
        orderBy: q.orderBy ?? 'score',
        order: q.order ?? 'asc',
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      }),
    );
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    await read(req);
    const ref = refOf(req.params);
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
    res.json({
      items: await store.groupSummaries(
        await initiativeFilter(req.query.initiative),
      ),
    });
  });

  router.get('/history/entities/:kind/:namespace/:name', async (req, res) => {
    await read(req);
    const ref = refOf(req.params);
    if (!(await store.getEntity(ref))) {
      throw new NotFoundError(`No score for entity '${ref}'`);
    }
    res.json({
      entityRef: ref,
      items: await store.entityHistory(ref, req.query.days ?? 90),
    });
  });

  router.get('/history/groups/:namespace/:name', async (req, res) => {
    await read(req);
    const ref = refOf({ kind: 'group', ...req.params });
    res.json({
      groupRef: ref,
      items: await store.groupHistory(ref, req.query.days ?? 90),
    });
  });

  router.get('/runs', async (req, res) => {
    await read(req);
    res.json({
      items: (await options.runs?.list(req.query.limit ?? 20)) ?? [],
    });
  });

  router.post('/evaluate', async (req, res) => {
    await authorize(
      req,
      metadataQualityEvaluatePermission,
      'Not allowed to re-evaluate metadata quality',
    );
    res.json(await options.evaluate());
  });

  if (options.verification) {
    addVerificationRoutes(router, {
      httpAuth,
      permissions,
      catalog: options.verification.catalog,
      verification: options.verification.store,
      rescore: options.verification.rescore,
      read,
      clock: options.verification.clock ?? (() => new Date()),
    });
    if (options.verification.exemptions) {
      addExemptionRoutes(router, {
        httpAuth,
        permissions,
        catalog: options.verification.catalog,
        exemptions: options.verification.exemptions,
        rules: options.rules,
        maxDays: options.verification.exemptionMaxDays ?? 90,
        rescore: options.verification.rescore,
        read,
        authorize,
        clock: options.verification.clock ?? (() => new Date()),
        notifications: options.verification.notifications,
        logger: options.verification.logger,
      });
    }
  }

  if (options.initiatives) {
    addInitiativeRoutes(router, {
      httpAuth,
      initiatives: options.initiatives.store,
      rules: options.rules,
      evaluateSoon: options.initiatives.evaluateSoon,
      read,
      authorize,
      clock: options.initiatives.clock ?? (() => new Date()),
    });
  }

  router.use(...routerErrorHandlers);
  return router;
}
