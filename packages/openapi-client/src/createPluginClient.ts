import { ResponseError } from '@backstage/errors';
import createFetchClient, { Client } from 'openapi-fetch';

/** Finds a plugin's base URL, as Backstage's discovery API (frontend) and service (backend) do. */
export interface PluginDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** Makes requests with credentials: the frontend's fetchApi, or a fetch that adds a service token. */
export interface PluginFetch {
  fetch: typeof fetch;
}

/** How a generated client reaches its plugin. */
export interface PluginClientOptions {
  discoveryApi: PluginDiscovery;
  fetchApi?: PluginFetch;
}

// openapi-fetch wants a base URL up front; the plugin's comes from discovery at request time.
const PLACEHOLDER = 'http://plugin.invalid';

/**
 * A typed client of the plugin `pluginId` for the `Paths` of its OpenAPI document: requests go to
 * the plugin's base URL through the given fetch, and every answer other than 2xx is thrown as
 * Backstage's `ResponseError` carrying the server's message.
 */
export function createPluginClient<Paths extends {}>(
  pluginId: string,
  options: PluginClientOptions,
): Client<Paths> {
  const doFetch = options.fetchApi?.fetch ?? fetch;
  const client = createFetchClient<Paths>({
    baseUrl: PLACEHOLDER,
    fetch: async (input: Request) => {
      const base = await options.discoveryApi.getBaseUrl(pluginId);
      const url = new URL(input.url);
      return doFetch(`${base}${url.pathname}${url.search}`, {
        method: input.method,
        headers: input.headers,
        body: input.body ? await input.text() : undefined,
        signal: input.signal,
      });
    },
  });
  client.use({
    async onResponse({ response }) {
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return response;
    },
  });
  return client;
}
