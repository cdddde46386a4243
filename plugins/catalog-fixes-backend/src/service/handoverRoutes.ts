import type { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createRequestAuthorizer } from '@internal/backend-authorize';
import {
  catalogFixesHandoverAcceptAnyPermission,
  catalogFixesHandoverAcceptPermission,
  catalogFixesReadPermission,
  Handover,
} from '@internal/plugin-catalog-fixes-common';
import { normalizeRef } from '@internal/plugin-metadata-quality-common';
import { HandoverRecord, HandoverStore } from '../database/HandoverStore';
import { spec } from '../schema/openapi/generated';
import { HandoverAcceptance } from './HandoverAcceptance';
import { CommitAuthor } from './LocalGitChanges';
import { served } from './served';

/** A handover as the API serves it; its entities only when `withEntities`. */
export function servedHandover(
  record: HandoverRecord,
  withEntities: boolean,
): Handover {
  const { createdAt, entities, ...rest } = record;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    ...(withEntities ? { entities } : {}),
  };
}

/** The handover routes, on the plugin's generated router. */
export function addHandoverRoutes(
  router: ApiRouter<typeof spec>,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    store: HandoverStore;
    /** Acceptance reads the entities with the caller's credentials. */
    acceptance: (credentials: BackstageCredentials) => HandoverAcceptance;
    committerOf: (userRef: string) => Promise<CommitAuthor>;
  },
) {
  const { httpAuth, permissions, store } = options;
  const authorize = createRequestAuthorizer({ httpAuth, permissions });
  const read = (req: Parameters<typeof authorize>[0]) =>
    authorize(req, catalogFixesReadPermission, 'Not allowed to read handovers');

  router.get('/handovers', async (req, res) => {
    await read(req);
    const items = await store.list({ status: req.query.status });
    res.json({ items: items.map(h => servedHandover(h, false)) });
  });

  router.get('/handovers/:id', async (req, res) => {
    await read(req);
    const record = await store.get(req.params.id);
    if (!record) throw new NotFoundError(`No handover ${req.params.id}`);
    res.json(servedHandover(record, true));
  });

  router.post('/handovers/:id/accept', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [accept, any] = await permissions.authorize(
      [
        { permission: catalogFixesHandoverAcceptPermission },
        { permission: catalogFixesHandoverAcceptAnyPermission },
      ],
      { credentials },
    );
    if (accept.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to accept handovers');
    }
    const info = await options.userInfo.getUserInfo(credentials);
    const userRef = normalizeRef(credentials.principal.userEntityRef);
    const result = await options
      .acceptance(credentials)
      .accept(req.params.id, req.body, {
        userRef,
        committer: await options.committerOf(userRef),
        memberOf: info.ownershipEntityRefs.map(normalizeRef),
        acceptAny: any.result === AuthorizeResult.ALLOW,
      });
    res.json({
      handover: servedHandover(result.handover, true),
      changeRequests: result.changeRequests.map(served),
    });
  });
}
