// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/owner-validation-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import { ResponseError } from '@backstage/errors';
import createFetchClient, { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `Error` schema of the owner-validation API. */
export type Error = components['schemas']['Error'];
/** The `OwnerFindingType` schema of the owner-validation API. */
export type OwnerFindingType = components['schemas']['OwnerFindingType'];
/** The `OwnerFindingSeverity` schema of the owner-validation API. */
export type OwnerFindingSeverity =
  components['schemas']['OwnerFindingSeverity'];
/** The `OwnerFinding` schema of the owner-validation API. */
export type OwnerFinding = components['schemas']['OwnerFinding'];
/** The `StoredOwnerFinding` schema of the owner-validation API. */
export type StoredOwnerFinding = components['schemas']['StoredOwnerFinding'];
/** The `EntityFindingsResponse` schema of the owner-validation API. */
export type EntityFindingsResponse =
  components['schemas']['EntityFindingsResponse'];
/** The `FindingsListResponse` schema of the owner-validation API. */
export type FindingsListResponse =
  components['schemas']['FindingsListResponse'];
/** The `FindingsSummary` schema of the owner-validation API. */
export type FindingsSummary = components['schemas']['FindingsSummary'];
/** The `CheckRun` schema of the owner-validation API. */
export type CheckRun = components['schemas']['CheckRun'];
/** The `CheckSummary` schema of the owner-validation API. */
export type CheckSummary = components['schemas']['CheckSummary'];
/** The `CheckEntitiesRequest` schema of the owner-validation API. */
export type CheckEntitiesRequest =
  components['schemas']['CheckEntitiesRequest'];
/** The `CheckEntitiesResponse` schema of the owner-validation API. */
export type CheckEntitiesResponse =
  components['schemas']['CheckEntitiesResponse'];

/** Finds a plugin's base URL, as Backstage's discovery API and service do. */
export interface OwnerValidationClientDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** Makes requests, with credentials: the frontend's fetchApi, or a fetch that adds a service token. */
export interface OwnerValidationClientFetch {
  fetch: typeof fetch;
}

/** The client of the `owner-validation` backend, generated from its OpenAPI document. */
export class OwnerValidationClient {
  /** The plugin ID whose base URL the client resolves. */
  static readonly pluginId = 'owner-validation';
  private readonly client: Client<paths>;

  constructor(options: {
    discoveryApi: OwnerValidationClientDiscovery;
    fetchApi?: OwnerValidationClientFetch;
  }) {
    const { discoveryApi } = options;
    const doFetch = options.fetchApi?.fetch ?? fetch;
    // The base URL comes from discovery at request time; the placeholder origin is replaced then.
    this.client = createFetchClient<paths>({
      baseUrl: 'http://discovery.invalid',
      fetch: async (input: Request) => {
        const base = await discoveryApi.getBaseUrl(
          OwnerValidationClient.pluginId,
        );
        const url = new URL(input.url);
        return doFetch(`${base}${url.pathname}${url.search}`, {
          method: input.method,
          headers: input.headers,
          body: input.body ? await input.text() : undefined,
          signal: input.signal,
        });
      },
    });
    // Every answer other than 2xx becomes Backstage's ResponseError, with the server's message.
    this.client.use({
      async onResponse({ response }) {
        if (!response.ok) throw await ResponseError.fromResponse(response);
        return response;
      },
    });
  }

  /** The open and resolved findings of one entity. (`GET /entities/{kind}/{namespace}/{name}/findings`) */
  async getEntityFindings(request: {
    params: operations['GetEntityFindings']['parameters'];
  }): Promise<
    operations['GetEntityFindings']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET(
      '/entities/{kind}/{namespace}/{name}/findings',
      { params: request.params },
    );
    return data!;
  }

  /** Findings, filtered and paged. (`GET /findings`) */
  async listFindings(
    request: { params?: operations['ListFindings']['parameters'] } = {},
  ): Promise<
    operations['ListFindings']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/findings', {
      params: request.params,
    });
    return data!;
  }

  /** Counts of the open findings by type, severity, kind and team, and the last run. (`GET /summary`) */
  async getSummary(): Promise<
    operations['GetSummary']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/summary', {});
    return data!;
  }

  /** The latest runs of the check, newest first. (`GET /runs`) */
  async listRuns(
    request: { params?: operations['ListRuns']['parameters'] } = {},
  ): Promise<
    operations['ListRuns']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/runs', { params: request.params });
    return data!;
  }

  /** Checks entities before they are registered; stores nothing. (`POST /check`) */
  async checkEntities(request: {
    body: NonNullable<
      operations['CheckEntities']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['CheckEntities']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/check', { body: request.body });
    return data!;
  }

  /** Runs the ownership check now. (`POST /evaluate`) */
  async evaluate(): Promise<
    operations['Evaluate']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/evaluate', {});
    return data!;
  }
}
