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
 * Options for a generated client used by a backend plugin: every request carries a fresh service
 * token of the calling plugin for `targetPluginId`.
 */
export function serviceClientOptions(options: {
  auth: ServiceAuth;
  discovery: PluginDiscovery;
  targetPluginId: string;
  fetch?: typeof fetch;
}): PluginClientOptions {
  const { auth, discovery, targetPluginId } = options;
  const doFetch = options.fetch ?? fetch;
  return {
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId,
        });
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return doFetch(input, { ...init, headers });
      },
    },
  };
}
