import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Confirmation,
  metadataQualityEntityConfirmPermission,
  normalizeRef,
  ownerRefOf,
  refOf,
} from '@internal/plugin-metadata-quality-common';
import express from 'express';
import { VerificationStore } from '../database/VerificationStore';
import type { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/generated';

type Router = ApiRouter<typeof spec>;

function served(entityRef: string, c: Confirmation) {
  return {
    entityRef,
    ownerRef: c.ownerRef,
    confirmedBy: c.confirmedBy,
    confirmedAt: c.confirmedAt.toISOString(),
  };
}

/**
 * Confirmation routes. Confirming needs a user with `metadata-quality.entity.confirm` on the
 * entity: a catalog-entity permission the policy grants its owners as a condition, which the
 * permission framework resolves against the entity named by `resourceRef`.
 */
export function addVerificationRoutes(
  router: Router,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    verification: VerificationStore;
    /** Re-scores entities after they were confirmed. */
    rescore: (entityRefs: string[]) => Promise<unknown>;
    read: (req: express.Request<any, any, any, any>) => Promise<unknown>;
    clock: () => Date;
  },
) {
  const { httpAuth, permissions, catalog, verification, clock } = options;

  /** The refs among `entityRefs` the caller may confirm. */
  async function confirmable(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (entityRefs.length === 0) return new Set();
    const decisions = await permissions.authorize(
      entityRefs.map(resourceRef => ({
        permission: metadataQualityEntityConfirmPermission,
        resourceRef,
      })),
      { credentials },
    );
    return new Set(
      entityRefs.filter(
        (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    );
  }

  async function store(
    entities: Entity[],
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ) {
    const confirmedAt = clock();
    const rows = entities.flatMap(entity => {
      const ownerRef = ownerRefOf(entity);
      return ownerRef
        ? [
            {
              entityRef: refOf(entity),
              ownerRef,
              confirmedBy: normalizeRef(credentials.principal.userEntityRef),
              confirmedAt,
            },
          ]
        : [];
    });
    await verification.confirm(rows);
    await options.rescore(rows.map(r => r.entityRef));
    return rows;
  }

  router.get(
    '/entities/:kind/:namespace/:name/confirmation',
    async (req, res) => {
      await options.read(req);
      const ref = refOf(req.params);
      const found = (await verification.getConfirmations([ref])).get(ref);
      if (!found) throw new NotFoundError(`No confirmation of entity '${ref}'`);
      res.json(served(ref, found));
    },
  );

  router.post('/entities/:kind/:namespace/:name/confirm', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const ref = refOf(req.params);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity '${ref}'`);
    if (!(await confirmable([ref], credentials)).has(ref)) {
      throw new NotAllowedError(
        `Only the owners of '${ref}' may confirm its metadata`,
      );
    }
    if (!ownerRefOf(entity)) {
      throw new InputError(`Entity '${ref}' has no owner to confirm for`);
    }
    const [row] = await store([entity], credentials);
    res.json(served(ref, row));
  });

  router.post('/groups/:namespace/:name/confirm', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const groupRef = refOf({ kind: 'group', ...req.params });
    const owned: Entity[] = [];
    for await (const page of catalog.streamEntities(
      { filter: { 'relations.ownedBy': groupRef } },
      { credentials },
    )) {
      owned.push(...page);
    }
    const allowed = await confirmable(
      owned.map(e => refOf(e)),
      credentials,
    );
    const rows = await store(
      owned.filter(e => allowed.has(refOf(e))),
      credentials,
    );
    res.json({
      confirmed: rows.map(r => served(r.entityRef, r)),
      notAllowed: owned.map(e => refOf(e)).filter(ref => !allowed.has(ref)),
    });
  });
}
