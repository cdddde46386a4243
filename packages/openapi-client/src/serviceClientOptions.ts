import { PluginClientOptions, PluginDiscovery } from './createPluginClient';

/** The part of Backstage's backend `AuthService` a service-to-service client needs. */
export interface ServiceAuth {
  getOwnServiceCredentials(): Promise<unknown>;
  getPluginRequestToken(options: {
    onBehalfOf: any;
    targetPluginId: string;
  }): Promise<{ token: string }>;
}

/**
 * Options for a generated client used by a backend plugin: every request carries a fresh token for
 * `targetPluginId`, on behalf of the calling plugin itself or, with `onBehalfOf`, of the user or
 * service whose request it serves (so the target's permission checks apply to them).
 */
export function serviceClientOptions(options: {
  auth: ServiceAuth;
  discovery: PluginDiscovery;
  targetPluginId: string;
  onBehalfOf?: unknown;
  fetch?: typeof fetch;
}): PluginClientOptions {
  const { auth, discovery, targetPluginId, onBehalfOf } = options;
  const doFetch = options.fetch ?? fetch;
  return {
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: onBehalfOf ?? (await auth.getOwnServiceCredentials()),
          targetPluginId,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return doFetch(input, { ...init, headers });
      },
    },
  };
}
