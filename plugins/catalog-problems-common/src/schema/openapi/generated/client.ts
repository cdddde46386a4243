// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-backend-module-input-guard/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import {
  createPluginClient,
  PluginClientOptions,
} from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `ErrorResponse` schema of the catalog API. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
/** The `ProcessingError` schema of the catalog API. */
export type ProcessingError = components['schemas']['ProcessingError'];
/** The `ProcessingProblem` schema of the catalog API. */
export type ProcessingProblem = components['schemas']['ProcessingProblem'];
/** The `ProcessingProblemsResponse` schema of the catalog API. */
export type ProcessingProblemsResponse =
  components['schemas']['ProcessingProblemsResponse'];

/** The client of the `catalog` backend, generated from its OpenAPI document. */
export class CatalogProblemsClient {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = 'catalog';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(
      CatalogProblemsClient.pluginId,
      options,
    );
  }

  /** One page of what the catalog could not ingest, sorted by file. (`GET /processing-problems`) */
  async listProcessingProblems(
    request: {
      params?: operations['ListProcessingProblems']['parameters'];
    } = {},
  ): Promise<
    operations['ListProcessingProblems']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/processing-problems', {
      params: request.params,
    });
    return data!;
  }

  /** Unregisters a registered location and everything it brought in. (`DELETE /processing-problems/locations/{id}`) */
  async unregisterLocation(request: {
    params: operations['UnregisterLocation']['parameters'];
  }): Promise<void> {
    await this.client.DELETE('/processing-problems/locations/{id}', {
      params: request.params,
    });
  }
}
