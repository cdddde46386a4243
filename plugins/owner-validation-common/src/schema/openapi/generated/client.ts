// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/owner-validation-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import {
  createPluginClient,
  PluginClientOptions,
} from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `ErrorResponse` schema of the owner-validation API. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
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
/** The values of the `OwnerFindingType` schema. */
export const ownerFindingTypeValues = [
  'missingOwner',
  'invalidOwnerRef',
  'ownerNotFound',
  'ownerRefused',
  'departedUser',
  'emptyGroup',
  'userOwner',
] as const;
/** The values of the `OwnerFindingSeverity` schema. */
export const ownerFindingSeverityValues = ['error', 'warning'] as const;

/** The client of the `owner-validation` backend, generated from its OpenAPI document. */
export class OwnerValidationClient {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = 'owner-validation';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(
      OwnerValidationClient.pluginId,
      options,
    );
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
