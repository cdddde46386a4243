import type {
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** What {@link recordingPermissions} returns. */
export interface RecordingPermissions {
  /** Permission names the service denies; every other one is allowed. */
  denied: Set<string>;
  /** The name of each permission asked about, in order. */
  asked: string[];
  /** The service factory to give the test backend. */
  factory: ServiceFactory<PermissionsService>;
  /** Empties `denied` and `asked`. */
  reset(): void;
}

/**
 * A permissions service for a test backend that allows every permission except those in
 * `denied`, and records in `asked` the name of each permission it is asked about. `reset()`
 * empties both, between tests.
 */
export function recordingPermissions(): RecordingPermissions {
  const denied = new Set<string>();
  const asked: string[] = [];
  const permissions = mockServices.permissions.mock({
    async authorize(requests) {
      return requests.map(r => {
        asked.push(r.permission.name);
        return {
          result: denied.has(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        };
      });
    },
  });
  return {
    denied,
    asked,
    factory: permissions.factory,
    reset() {
      denied.clear();
      asked.length = 0;
    },
  };
}
