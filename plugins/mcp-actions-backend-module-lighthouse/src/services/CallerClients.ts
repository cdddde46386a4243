import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { serviceClientOptions } from '@internal/openapi-client';
import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';

/** A TechDocs search hit, as the search backend answers it. */
export interface DocsSearchHit {
  title: string;
  text: string;
  location: string;
  kind?: string;
  namespace?: string;
  name?: string;
  entityTitle?: string;
}

/**
 * The in-house plugins and the search engine, asked on behalf of the caller of an action: each
 * plugin's permission checks apply to the user (or service) who asked, never to this module.
 */
export class CallerClients {
  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ) {}

  ownerValidation(credentials: BackstageCredentials) {
    return new OwnerValidationClient(
      this.clientOptions(credentials, OwnerValidationClient.pluginId),
    );
  }

  metadataQuality(credentials: BackstageCredentials) {
    return new MetadataQualityClient(
      this.clientOptions(credentials, MetadataQualityClient.pluginId),
    );
  }

  /** TechDocs pages matching `term`; the search backend drops what the caller may not read. */
  async searchDocs(
    credentials: BackstageCredentials,
    term: string,
    limit: number,
  ): Promise<DocsSearchHit[]> {
    const { auth, discovery } = this.options;
    const base = await discovery.getBaseUrl('search');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'search',
    });
    const query = new URLSearchParams({
      term,
      'types[0]': 'techdocs',
      pageLimit: String(limit),
    });
    const response = await fetch(`${base}/query?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body = (await response.json()) as {
      results: Array<{ document: DocsSearchHit }>;
    };
    return body.results.slice(0, limit).map(r => r.document);
  }

  private clientOptions(
    credentials: BackstageCredentials,
    targetPluginId: string,
  ) {
    return serviceClientOptions({
      auth: this.options.auth,
      discovery: this.options.discovery,
      targetPluginId,
      onBehalfOf: credentials,
    });
  }
}

/** Whether `error` is the plugin's answer 404 (nothing stored yet for the entity). */
export function isNotFoundResponse(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 404;
}
