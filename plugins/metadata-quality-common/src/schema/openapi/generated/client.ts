// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/metadata-quality-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import {
  createPluginClient,
  PluginClientOptions,
} from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `RuleResult` schema of the metadata-quality API. */
export type RuleResult = components['schemas']['RuleResult'];
/** The `EntityEdit` schema of the metadata-quality API. */
export type EntityEdit = components['schemas']['EntityEdit'];
/** The `EntityScore` schema of the metadata-quality API. */
export type EntityScore = components['schemas']['EntityScore'];
/** The `Rule` schema of the metadata-quality API. */
export type Rule = components['schemas']['Rule'];
/** The `Level` schema of the metadata-quality API. */
export type Level = components['schemas']['Level'];
/** The `GroupSummary` schema of the metadata-quality API. */
export type GroupSummary = components['schemas']['GroupSummary'];
/** The `EvaluationRun` schema of the metadata-quality API. */
export type EvaluationRun = components['schemas']['EvaluationRun'];
/** The `QualitySummary` schema of the metadata-quality API. */
export type QualitySummary = components['schemas']['QualitySummary'];
/** The `Confirmation` schema of the metadata-quality API. */
export type Confirmation = components['schemas']['Confirmation'];
/** The `GroupConfirmation` schema of the metadata-quality API. */
export type GroupConfirmation = components['schemas']['GroupConfirmation'];
/** The `Exemption` schema of the metadata-quality API. */
export type Exemption = components['schemas']['Exemption'];
/** The `InitiativeTarget` schema of the metadata-quality API. */
export type InitiativeTarget = components['schemas']['InitiativeTarget'];
/** The `InitiativeInput` schema of the metadata-quality API. */
export type InitiativeInput = components['schemas']['InitiativeInput'];
/** The `InitiativeProgress` schema of the metadata-quality API. */
export type InitiativeProgress = components['schemas']['InitiativeProgress'];
/** The `InitiativeTeam` schema of the metadata-quality API. */
export type InitiativeTeam = components['schemas']['InitiativeTeam'];
/** The `Initiative` schema of the metadata-quality API. */
export type Initiative = components['schemas']['Initiative'];
/** The `InitiativeEntity` schema of the metadata-quality API. */
export type InitiativeEntity = components['schemas']['InitiativeEntity'];
/** The `InitiativeProgressPoint` schema of the metadata-quality API. */
export type InitiativeProgressPoint =
  components['schemas']['InitiativeProgressPoint'];
/** The `EvaluationSummary` schema of the metadata-quality API. */
export type EvaluationSummary = components['schemas']['EvaluationSummary'];
/** The `HistoryPoint` schema of the metadata-quality API. */
export type HistoryPoint = components['schemas']['HistoryPoint'];

/** The client of the `metadata-quality` backend, generated from its OpenAPI document. */
export class MetadataQualityClient {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = 'metadata-quality';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(
      MetadataQualityClient.pluginId,
      options,
    );
  }

  /** The rules in force and the levels. (`GET /rules`) */
  async getRules(): Promise<
    operations['GetRules']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/rules', {});
    return data!;
  }

  /** Scored entities, filtered, sorted and paged. (`GET /entities`) */
  async listEntities(
    request: { params?: operations['ListEntities']['parameters'] } = {},
  ): Promise<
    operations['ListEntities']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/entities', {
      params: request.params,
    });
    return data!;
  }

  /** One entity's score with its rule results. (`GET /entities/{kind}/{namespace}/{name}`) */
  async getEntityScore(request: {
    params: operations['GetEntityScore']['parameters'];
  }): Promise<
    operations['GetEntityScore']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET(
      '/entities/{kind}/{namespace}/{name}',
      { params: request.params },
    );
    return data!;
  }

  /** The owners' latest confirmation of an entity; 404 when it was never confirmed. (`GET /entities/{kind}/{namespace}/{name}/confirmation`) */
  async getConfirmation(request: {
    params: operations['GetConfirmation']['parameters'];
  }): Promise<
    operations['GetConfirmation']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET(
      '/entities/{kind}/{namespace}/{name}/confirmation',
      { params: request.params },
    );
    return data!;
  }

  /** Confirms that the entity's metadata is still right, for its current owner, and re-scores it. Needs a user with the metadata-quality.entity.confirm permission on the entity (its owners). (`POST /entities/{kind}/{namespace}/{name}/confirm`) */
  async confirmEntity(request: {
    params: operations['ConfirmEntity']['parameters'];
  }): Promise<
    operations['ConfirmEntity']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST(
      '/entities/{kind}/{namespace}/{name}/confirm',
      { params: request.params },
    );
    return data!;
  }

  /** Confirms every entity the group owns that the caller may confirm (metadata-quality.entity.confirm) and re-scores them. (`POST /groups/{namespace}/{name}/confirm`) */
  async confirmGroupEntities(request: {
    params: operations['ConfirmGroupEntities']['parameters'];
  }): Promise<
    operations['ConfirmGroupEntities']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST(
      '/groups/{namespace}/{name}/confirm',
      { params: request.params },
    );
    return data!;
  }

  /** Asks to exempt the entity from one rule until a date (at most metadataQuality.exemptions.maxDays ahead). Needs a user with metadata-quality.exemption.request on the entity (its owners). (`POST /entities/{kind}/{namespace}/{name}/exemptions`) */
  async requestExemption(request: {
    params: operations['RequestExemption']['parameters'];
    body: NonNullable<
      operations['RequestExemption']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['RequestExemption']['responses']['201']['content']['application/json']
  > {
    const { data } = await this.client.POST(
      '/entities/{kind}/{namespace}/{name}/exemptions',
      { params: request.params, body: request.body },
    );
    return data!;
  }

  /** Exemption requests, decisions and expiries, newest first (the audit trail). (`GET /exemptions`) */
  async listExemptions(
    request: { params?: operations['ListExemptions']['parameters'] } = {},
  ): Promise<
    operations['ListExemptions']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/exemptions', {
      params: request.params,
    });
    return data!;
  }

  /** Approves or denies a request, with a comment. Needs metadata-quality.exemption.decide (admins). (`POST /exemptions/{id}/decision`) */
  async decideExemption(request: {
    params: operations['DecideExemption']['parameters'];
    body: NonNullable<
      operations['DecideExemption']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['DecideExemption']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/exemptions/{id}/decision', {
      params: request.params,
      body: request.body,
    });
    return data!;
  }

  /** Every initiative with its progress and days left, the nearest deadline first. (`GET /initiatives`) */
  async listInitiatives(): Promise<
    operations['ListInitiatives']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/initiatives', {});
    return data!;
  }

  /** Creates an initiative; a full evaluation starts to measure it. Needs metadata-quality.initiative.manage (admins). (`POST /initiatives`) */
  async createInitiative(request: {
    body: NonNullable<
      operations['CreateInitiative']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['CreateInitiative']['responses']['201']['content']['application/json']
  > {
    const { data } = await this.client.POST('/initiatives', {
      body: request.body,
    });
    return data!;
  }

  /** One initiative with its progress overall and per team. (`GET /initiatives/{id}`) */
  async getInitiative(request: {
    params: operations['GetInitiative']['parameters'];
  }): Promise<
    operations['GetInitiative']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/initiatives/{id}', {
      params: request.params,
    });
    return data!;
  }

  /** Replaces an initiative's definition; a full evaluation starts to measure it again. Notices already sent are not sent again. Needs metadata-quality.initiative.manage (admins). (`PUT /initiatives/{id}`) */
  async updateInitiative(request: {
    params: operations['UpdateInitiative']['parameters'];
    body: NonNullable<
      operations['UpdateInitiative']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['UpdateInitiative']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.PUT('/initiatives/{id}', {
      params: request.params,
      body: request.body,
    });
    return data!;
  }

  /** Deletes an initiative with its progress history and notices. Needs metadata-quality.initiative.manage (admins). (`DELETE /initiatives/{id}`) */
  async deleteInitiative(request: {
    params: operations['DeleteInitiative']['parameters'];
  }): Promise<void> {
    await this.client.DELETE('/initiatives/{id}', { params: request.params });
  }

  /** The entities that still fail the initiative, with their owners, by owner. (`GET /initiatives/{id}/failing`) */
  async listInitiativeFailing(request: {
    params: operations['ListInitiativeFailing']['parameters'];
  }): Promise<
    operations['ListInitiativeFailing']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/initiatives/{id}/failing', {
      params: request.params,
    });
    return data!;
  }

  /** Daily progress of the initiative (the last full evaluation of each day, until its deadline), overall or of one owner. (`GET /initiatives/{id}/history`) */
  async getInitiativeHistory(request: {
    params: operations['GetInitiativeHistory']['parameters'];
  }): Promise<
    operations['GetInitiativeHistory']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/initiatives/{id}/history', {
      params: request.params,
    });
    return data!;
  }

  /** Totals over every scored entity (distribution in ten-point buckets, levels, failing rules). (`GET /summary`) */
  async getSummary(): Promise<
    operations['GetSummary']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/summary', {});
    return data!;
  }

  /** Leaderboard; every group with the entities it and its child groups own, best first. With `initiative`, only the initiative's entities, with how many pass it, the best share first. (`GET /groups`) */
  async getGroupSummaries(
    request: { params?: operations['GetGroupSummaries']['parameters'] } = {},
  ): Promise<
    operations['GetGroupSummaries']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/groups', {
      params: request.params,
    });
    return data!;
  }

  /** Daily scores of one entity. (`GET /history/entities/{kind}/{namespace}/{name}`) */
  async getEntityHistory(request: {
    params: operations['GetEntityHistory']['parameters'];
  }): Promise<
    operations['GetEntityHistory']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET(
      '/history/entities/{kind}/{namespace}/{name}',
      { params: request.params },
    );
    return data!;
  }

  /** Daily average score of a group and its child groups. (`GET /history/groups/{namespace}/{name}`) */
  async getGroupHistory(request: {
    params: operations['GetGroupHistory']['parameters'];
  }): Promise<
    operations['GetGroupHistory']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET(
      '/history/groups/{namespace}/{name}',
      { params: request.params },
    );
    return data!;
  }

  /** Full evaluations, newest first, with the replica that ran each and how it ended. (`GET /runs`) */
  async listRuns(
    request: { params?: operations['ListRuns']['parameters'] } = {},
  ): Promise<
    operations['ListRuns']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/runs', { params: request.params });
    return data!;
  }

  /** Re-evaluates every entity now. Needs the metadata-quality.evaluate permission. (`POST /evaluate`) */
  async evaluate(): Promise<
    operations['Evaluate']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/evaluate', {});
    return data!;
  }
}
