import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A permissions service for a test backend that allows every permission except those in
 * `denied`, and records in `asked` the name of each permission it is asked about. `reset()`
 * empties both, between tests.
 */
export function recordingPermissions() {
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
