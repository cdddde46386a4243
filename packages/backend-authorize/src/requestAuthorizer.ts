import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import type { Request } from 'express';

/** Checks one request against one permission and returns its caller's credentials. */
export type RequestAuthorizer = (
  req: Request<any, any, any, any>,
  permission: BasicPermission,
  message: string,
) => Promise<BackstageCredentials>;

/**
 * An authorizer for a router: 401 without user or service credentials, 403 (`NotAllowedError`
 * with `message`) without the permission. The permissions service allows service principals
 * (other plugins) without asking the policy.
 */
export function createRequestAuthorizer(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): RequestAuthorizer {
  const { httpAuth, permissions } = options;
  return async (req, permission, message) => {
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
}
