import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  daysLeft,
  Initiative,
  InitiativeProgress,
  initiativeStatus,
  metadataQualityInitiativeManagePermission,
  normalizeRef,
  QualityRule,
  validateInitiative,
} from '@internal/plugin-metadata-quality-common';
import express from 'express';
import { InitiativeStore, StoredInitiative } from '../database/InitiativeStore';
import { spec } from '../schema/openapi/generated';
import { toGroupRef } from './groupRefParam';

type Request = express.Request<any, any, any, any>;

/** An initiative as the API serves it, at a time. */
export function servedInitiative(
  i: StoredInitiative,
  progress: InitiativeProgress | undefined,
  now: Date,
): Initiative {
  return {
    id: i.id,
    title: i.title,
    ...(i.description ? { description: i.description } : {}),
    ruleIds: i.ruleIds,
    rules: i.rules,
    target: i.target,
    startsAt: i.startsAt.toISOString(),
    deadline: i.deadline.toISOString(),
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    ...(i.evaluatedAt ? { evaluatedAt: i.evaluatedAt.toISOString() } : {}),
    status: initiativeStatus(i, now),
    daysLeft: daysLeft(i.deadline, now),
    progress: progress ?? { targeted: 0, passing: 0 },
  };
}

/**
 * Initiative routes: everyone with the read permission reads them and their progress; creating,
 * changing and deleting needs `metadata-quality.initiative.manage` (the admins). A change starts a
 * full evaluation, which measures the initiative in the same pass as the scores.
 */
export function addInitiativeRoutes(
  router: ApiRouter<typeof spec>,
  options: {
    httpAuth: HttpAuthService;
    initiatives: InitiativeStore;
    rules: QualityRule[];
    /** Starts a full evaluation without waiting for it. */
    evaluateSoon: () => void;
    read: (req: Request) => Promise<unknown>;
    authorize: (
      req: Request,
      permission: typeof metadataQualityInitiativeManagePermission,
      message: string,
    ) => Promise<unknown>;
    clock: () => Date;
  },
) {
  const { initiatives, clock } = options;
  const manage = (req: Request) =>
    options.authorize(
      req,
      metadataQualityInitiativeManagePermission,
      'Only admins may create, change or delete initiatives',
    );
  const existing = async (id: number) => {
    const initiative = await initiatives.get(id);
    if (!initiative) throw new NotFoundError(`No initiative '${id}'`);
    return initiative;
  };
  const served = async (initiative: StoredInitiative) =>
    servedInitiative(
      initiative,
      (await initiatives.progress()).get(initiative.id),
      clock(),
    );

  router.get('/initiatives', async (req, res) => {
    await options.read(req);
    // Progress reads every score: not asked for when there is no initiative.
    const all = await initiatives.list();
    const progress = all.length ? await initiatives.progress() : new Map();
    const now = clock();
    res.json({
      items: all.map(i => servedInitiative(i, progress.get(i.id), now)),
    });
  });

  router.post('/initiatives', async (req, res) => {
    await manage(req);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const definition = validateInitiative(req.body, options.rules);
    const created = await initiatives.create(
      definition,
      normalizeRef(credentials.principal.userEntityRef),
      clock(),
    );
    options.evaluateSoon();
    res.status(201).json(await served(created));
  });

  router.get('/initiatives/:id', async (req, res) => {
    await options.read(req);
    const initiative = await existing(Number(req.params.id));
    res.json({
      ...(await served(initiative)),
      teams: await initiatives.teams(initiative.id),
    });
  });

  router.put('/initiatives/:id', async (req, res) => {
    await manage(req);
    await existing(Number(req.params.id));
    const definition = validateInitiative(req.body, options.rules);
    const updated = await initiatives.update(
      Number(req.params.id),
      definition,
      clock(),
    );
    if (!updated)
      throw new NotFoundError(`No initiative '${Number(req.params.id)}'`);
    options.evaluateSoon();
    res.json(await served(updated));
  });

  router.delete('/initiatives/:id', async (req, res) => {
    await manage(req);
    if (!(await initiatives.delete(Number(req.params.id)))) {
      throw new NotFoundError(`No initiative '${Number(req.params.id)}'`);
    }
    res.status(204).end();
  });

  router.get('/initiatives/:id/failing', async (req, res) => {
    await options.read(req);
    const { id } = await existing(Number(req.params.id));
    res.json(
      await initiatives.failing(id, {
        limit: req.query.limit ?? 100,
        offset: req.query.offset ?? 0,
      }),
    );
  });

  router.get('/initiatives/:id/history', async (req, res) => {
    await options.read(req);
    const { id } = await existing(Number(req.params.id));
    const owner = req.query.owner;
    res.json({
      items: await initiatives.history(
        id,
        owner === undefined ? undefined : toGroupRef(owner, 'owner'),
      ),
    });
  });
}
