import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Exemption,
  metadataQualityExemptionDecidePermission,
  metadataQualityExemptionRequestPermission,
  normalizeRef,
  QualityRule,
  refOf,
  validateExemptionRequest,
} from '@internal/plugin-metadata-quality-common';
import { parseEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { ExemptionStore } from '../database/ExemptionStore';
import { spec } from '../schema/openapi/generated';

/**
 * Exemption routes: owners request (a catalog-entity permission resolved against the entity, like
 * confirming), admins decide, everyone with the read permission lists the audit trail.
 */
export function addExemptionRoutes(
  router: ApiRouter<typeof spec>,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    exemptions: ExemptionStore;
    rules: QualityRule[];
    maxDays: number;
    rescore: (entityRefs: string[]) => Promise<unknown>;
    read: (req: express.Request<any, any, any, any>) => Promise<unknown>;
    authorize: (
      req: express.Request<any, any, any, any>,
      permission: typeof metadataQualityExemptionDecidePermission,
      message: string,
    ) => Promise<unknown>;
    clock: () => Date;
    /** Tells the requester of an exemption how an admin decided. */
    notifications?: NotificationService;
    logger?: LoggerService;
  },
) {
  const { httpAuth, permissions, catalog, exemptions, clock } = options;

  async function tellRequester(exemption: Exemption) {
    try {
      await options.notifications?.send({
        recipients: { type: 'entity', entityRef: exemption.requestedBy },
        payload: decisionNotice(exemption),
      });
    } catch (error) {
      // The decision stands; the requester sees it on the entity's Quality tab.
      options.logger?.warn(
        `Could not tell ${exemption.requestedBy} of the decision on exemption ${exemption.id}`,
        error as Error,
      );
    }
  }

  router.post(
    '/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const ref = refOf(req.params);
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity) throw new NotFoundError(`No entity '${ref}'`);
      const [decision] = await permissions.authorize(
        [
          {
            permission: metadataQualityExemptionRequestPermission,
            resourceRef: ref,
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Only the owners of '${ref}' may ask to exempt it from a rule`,
        );
      }
      const now = clock();
      // The end date is a day: the exemption lasts to the end of that day (UTC).
      const until = validateExemptionRequest(
        {
          ...req.body,
          until: /^\d{4}-\d{2}-\d{2}$/.test(req.body.until)
            ? `${req.body.until}T23:59:59.999Z`
            : req.body.until,
        },
        options.rules,
        now,
        options.maxDays,
      );
      const created = await exemptions.request({
        entityRef: ref,
        ruleId: req.body.ruleId,
        reason: req.body.reason.trim(),
        until,
        requestedBy: normalizeRef(credentials.principal.userEntityRef),
        requestedAt: now,
      });
      res.status(201).json(created);
    },
  );

  router.get('/exemptions', async (req, res) => {
    await options.read(req);
    res.json({
      items: await exemptions.list({
        status: req.query.status,
        entityRef: req.query.entityRef
          ? normalizeRef(req.query.entityRef)
          : undefined,
      }),
    });
  });

  router.post('/exemptions/:id/decision', async (req, res) => {
    await options.authorize(
      req,
      metadataQualityExemptionDecidePermission,
      'Only admins may decide on exemptions',
    );
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = Number(req.params.id);
    const existing = await exemptions.get(id);
    if (!existing) throw new NotFoundError(`No exemption '${id}'`);
    const decided = await exemptions.decide(id, {
      status: req.body.decision === 'approve' ? 'approved' : 'denied',
      decidedBy: normalizeRef(credentials.principal.userEntityRef),
      decidedAt: clock(),
      comment: req.body.comment,
    });
    if (!decided) {
      throw new ConflictError(
        `Exemption '${id}' was already decided (${existing.status})`,
      );
    }
    if (decided.status === 'approved')
      await options.rescore([decided.entityRef]);
    await tellRequester(decided);
    res.json(decided);
  });
}

/** The notice the requester of an exemption gets once an admin decided on it. */
export function decisionNotice(exemption: Exemption) {
  const { kind, namespace, name } = parseEntityRef(exemption.entityRef);
  const approved = exemption.status === 'approved';
  return {
    title: `${name}: exemption from '${exemption.ruleId}' ${
      approved ? 'approved' : 'denied'
    }`,
    description: `${exemption.decidedBy} ${
      approved
        ? `approved it until ${exemption.until.slice(0, 10)}`
        : 'denied it'
    }${exemption.comment ? `: ${exemption.comment}` : '.'}`,
    link: `/catalog/${namespace}/${kind}/${name}/quality`,
    severity: 'normal' as const,
    topic: 'metadata-quality',
    scope: `metadata-quality:exemption-decided:${exemption.id}`,
  };
}
