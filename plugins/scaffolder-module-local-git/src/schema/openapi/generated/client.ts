// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/scaffolder-backend-module-local-git/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import {
  createPluginClient,
  PluginClientOptions,
} from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `ErrorResponse` schema of the scaffolder API. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
/** The `NameAvailability` schema of the scaffolder API. */
export type NameAvailability = components['schemas']['NameAvailability'];

/** The client of the `scaffolder` backend, generated from its OpenAPI document. */
export class GoldenPathNamesClient {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = 'scaffolder';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(
      GoldenPathNamesClient.pluginId,
      options,
    );
  }

  /** Whether a golden path could create an entity of this name. (`GET /golden-path/names/{name}`) */
  async getNameAvailability(request: {
    params: operations['GetNameAvailability']['parameters'];
  }): Promise<
    operations['GetNameAvailability']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/golden-path/names/{name}', {
      params: request.params,
    });
    return data!;
  }
}
