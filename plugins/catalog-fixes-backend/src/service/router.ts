import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createRequestAuthorizer } from '@internal/backend-authorize';
import { routerErrorHandlers } from '@internal/backend-errors';
import {
  catalogFixesDecidePermission,
  catalogFixesProposePermission,
  catalogFixesReadPermission,
} from '@internal/plugin-catalog-fixes-common';
import { normalizeRef } from '@internal/plugin-metadata-quality-common';
import express from 'express';
import { ChangeRequestStore } from '../database/ChangeRequestStore';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { FixProposals } from './FixProposals';
import { addHandoverRoutes } from './handoverRoutes';
import { served } from './served';
import { CommitAuthor } from './LocalGitChanges';

/**
 * The plugin's HTTP API: src/schema/openapi.yaml, requests validated against it and the handlers
 * typed from it (`scripts/portal openapi` generates the router).
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: ChangeRequestStore;
  /** Proposals read the entity with the caller's credentials. */
  proposals: (credentials: BackstageCredentials) => FixProposals;
  /** Who commits for a user: the name and email of their User entity. */
  committerOf: (userRef: string) => Promise<CommitAuthor>;
  /** The handover routes' dependencies. */
  handovers: Omit<
    Parameters<typeof addHandoverRoutes>[1],
    'httpAuth' | 'permissions' | 'committerOf'
  >;
}): Promise<express.Router> {
  const { httpAuth, permissions, store } = options;
  const router = await createOpenApiRouter();
  const authorize = createRequestAuthorizer({ httpAuth, permissions });

  /** A signed-in user allowed to propose. */
  async function proposer(req: express.Request<any, any, any, any>) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: catalogFixesProposePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to propose fixes');
    }
    return credentials;
  }

  /** A user who may decide on every entity of the change request (their owners, the admins). */
  async function decider(
    req: express.Request<any, any, any, any>,
    id: number,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const request = await store.get(id);
    if (!request) throw new NotFoundError(`No change request ${id}`);
    const refs = request.entities.map(e => e.entityRef);
    const decisions = await permissions.authorize(
      refs.map(resourceRef => ({
        permission: catalogFixesDecidePermission,
        resourceRef,
      })),
      { credentials },
    );
    const denied = refs.filter(
      (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
    );
    if (denied.length > 0) {
      throw new NotAllowedError(
        `Only the owners of '${denied[0]}' or the admins may merge or reject change request ${id}`,
      );
    }
    return credentials;
  }

  router.post('/previews', async (req, res) => {
    const credentials = await proposer(req);
    res.json(await options.proposals(credentials).preview(req.body));
  });

  router.post('/change-requests', async (req, res) => {
    const credentials = await proposer(req);
    const author = normalizeRef(credentials.principal.userEntityRef);
    const record = await options
      .proposals(credentials)
      .propose(req.body, author, await options.committerOf(author));
    res.status(201).json(served(record));
  });

  router.get('/change-requests', async (req, res) => {
    await authorize(
      req,
      catalogFixesReadPermission,
      'Not allowed to read change requests',
    );
    const { items, totalCount } = await store.list({
      status: req.query.status,
      entityRef: req.query.entityRef
        ? normalizeRef(req.query.entityRef)
        : undefined,
      limit: req.query.limit ?? 100,
      offset: req.query.offset ?? 0,
    });
    res.json({ items: items.map(served), totalCount });
  });

  router.get('/change-requests/:id', async (req, res) => {
    await authorize(
      req,
      catalogFixesReadPermission,
      'Not allowed to read change requests',
    );
    const record = await store.get(req.params.id);
    if (!record) throw new NotFoundError(`No change request ${req.params.id}`);
    res.json(served(record));
  });

  router.post('/change-requests/:id/merge', async (req, res) => {
    const credentials = await decider(req, req.params.id);
    const record = await options
      .proposals(credentials)
      .merge(req.params.id, normalizeRef(credentials.principal.userEntityRef));
    res.json(served(record));
  });

  router.post('/change-requests/:id/reject', async (req, res) => {
    const credentials = await decider(req, req.params.id);
    const reason = req.body.reason.trim();
    if (!reason) {
      throw new InputError('reason: say why the change request is rejected');
    }
    const record = await options
      .proposals(credentials)
      .reject(
        req.params.id,
        normalizeRef(credentials.principal.userEntityRef),
        reason,
      );
    res.json(served(record));
  });

  addHandoverRoutes(router, {
    ...options.handovers,
    httpAuth,
    permissions,
    committerOf: options.committerOf,
  });

  router.use(...routerErrorHandlers);
  return router;
}
