import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  CatalogProblemsClient,
  listAllProblems,
} from '@internal/plugin-catalog-problems-common';

/**
 * Reads which users and groups the catalog refused (`GET /api/catalog/processing-problems`):
 * lower-case ref to the file that defines them. Entities the catalog still serves are left out.
 */
export function createRefusedOwnersReader(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): () => Promise<Map<string, string>> {
  const { auth, discovery } = options;
  const client = new CatalogProblemsClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'catalog',
        });
        return fetch(input, {
          ...init,
          headers: { ...init?.headers, authorization: `Bearer ${token}` },
        });
      },
    },
  });
  return async () => {
    const refused = new Map<string, string>();
    for (const problem of await listAllProblems(client)) {
      const ref = problem.entityRef;
      if (
        ref &&
        problem.file &&
        !problem.ingested &&
        (ref.startsWith('user:') || ref.startsWith('group:'))
      ) {
        refused.set(ref, problem.file);
      }
    }
    return refused;
  };
}
