// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-fixes-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import {
  createPluginClient,
  PluginClientOptions,
} from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
/** The `ErrorResponse` schema of the catalog-fixes API. */
export type ErrorResponse = components['schemas']['ErrorResponse'];
/** The `Fix` schema of the catalog-fixes API. */
export type Fix = components['schemas']['Fix'];
/** The `Proposal` schema of the catalog-fixes API. */
export type Proposal = components['schemas']['Proposal'];
/** The `Target` schema of the catalog-fixes API. */
export type Target = components['schemas']['Target'];
/** The `Preview` schema of the catalog-fixes API. */
export type Preview = components['schemas']['Preview'];
/** The `ChangeRequestEntity` schema of the catalog-fixes API. */
export type ChangeRequestEntity = components['schemas']['ChangeRequestEntity'];
/** The `HandoverFix` schema of the catalog-fixes API. */
export type HandoverFix = components['schemas']['HandoverFix'];
/** The `HandoverEntity` schema of the catalog-fixes API. */
export type HandoverEntity = components['schemas']['HandoverEntity'];
/** The `HandoverProgress` schema of the catalog-fixes API. */
export type HandoverProgress = components['schemas']['HandoverProgress'];
/** The `Handover` schema of the catalog-fixes API. */
export type Handover = components['schemas']['Handover'];
/** The `Acceptance` schema of the catalog-fixes API. */
export type Acceptance = components['schemas']['Acceptance'];
/** The `AcceptResult` schema of the catalog-fixes API. */
export type AcceptResult = components['schemas']['AcceptResult'];
/** The `ChangeRequest` schema of the catalog-fixes API. */
export type ChangeRequest = components['schemas']['ChangeRequest'];

/** The client of the `catalog-fixes` backend, generated from its OpenAPI document. */
export class CatalogFixesClient {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = 'catalog-fixes';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(
      CatalogFixesClient.pluginId,
      options,
    );
  }

  /** Handovers of departed people's and emptied groups' entities, oldest first, with their progress. Needs catalog-fixes.read. (`GET /handovers`) */
  async listHandovers(
    request: { params?: operations['ListHandovers']['parameters'] } = {},
  ): Promise<
    operations['ListHandovers']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/handovers', {
      params: request.params,
    });
    return data!;
  }

  /** One handover with its entities. Needs catalog-fixes.read. (`GET /handovers/{id}`) */
  async getHandover(request: {
    params: operations['GetHandover']['parameters'];
  }): Promise<
    operations['GetHandover']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/handovers/{id}', {
      params: request.params,
    });
    return data!;
  }

  /** A team takes over some or all of the handover's entities: one change request per repository sets spec.owner of every selected entity there. Needs catalog-fixes.handover.accept and membership of the suggested (or picked) team, or catalog-fixes.handover.accept-any (the admins). 409 when an entity is already accepted. (`POST /handovers/{id}/accept`) */
  async acceptHandover(request: {
    params: operations['AcceptHandover']['parameters'];
    body: NonNullable<
      operations['AcceptHandover']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['AcceptHandover']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/handovers/{id}/accept', {
      params: request.params,
      body: request.body,
    });
    return data!;
  }

  /** The diff a fix makes in the entity's catalog-info.yaml, and whether a change request can be opened where the file lives. Changes nothing. Needs catalog-fixes.propose. (`POST /previews`) */
  async previewFix(request: {
    body: NonNullable<
      operations['PreviewFix']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['PreviewFix']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/previews', {
      body: request.body,
    });
    return data!;
  }

  /** Change requests, newest first. (`GET /change-requests`) */
  async listChangeRequests(
    request: { params?: operations['ListChangeRequests']['parameters'] } = {},
  ): Promise<
    operations['ListChangeRequests']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/change-requests', {
      params: request.params,
    });
    return data!;
  }

  /** Opens a change request for a fix at the entity's source: a branch and a commit in a local git repository, a pull request on GitHub, a merge request on GitLab. 400 for a file location the portal cannot write (the preview says why). Needs catalog-fixes.propose; the signed-in user is recorded as its author. (`POST /change-requests`) */
  async proposeFix(request: {
    body: NonNullable<
      operations['ProposeFix']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['ProposeFix']['responses']['201']['content']['application/json']
  > {
    const { data } = await this.client.POST('/change-requests', {
      body: request.body,
    });
    return data!;
  }

  /** One change request. (`GET /change-requests/{id}`) */
  async getChangeRequest(request: {
    params: operations['GetChangeRequest']['parameters'];
  }): Promise<
    operations['GetChangeRequest']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.GET('/change-requests/{id}', {
      params: request.params,
    });
    return data!;
  }

  /** Merges an open local-git change request: fast-forwards the default branch to its commit (re-made on the current head when only other files changed), updates the checkout and refreshes the entities, so the finding resolves within seconds. 409 "the file changed since; propose again" when its file changed since it was proposed: nothing is merged over someone's edit. Pull and merge requests on GitHub and GitLab are merged there (400). Needs catalog-fixes.change-request.decide on its entities. (`POST /change-requests/{id}/merge`) */
  async mergeChangeRequest(request: {
    params: operations['MergeChangeRequest']['parameters'];
  }): Promise<
    operations['MergeChangeRequest']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/change-requests/{id}/merge', {
      params: request.params,
    });
    return data!;
  }

  /** Closes an open change request with a reason; its branch is deleted. Needs catalog-fixes.change-request.decide on its entities. (`POST /change-requests/{id}/reject`) */
  async rejectChangeRequest(request: {
    params: operations['RejectChangeRequest']['parameters'];
    body: NonNullable<
      operations['RejectChangeRequest']['requestBody']
    >['content']['application/json'];
  }): Promise<
    operations['RejectChangeRequest']['responses']['200']['content']['application/json']
  > {
    const { data } = await this.client.POST('/change-requests/{id}/reject', {
      params: request.params,
      body: request.body,
    });
    return data!;
  }
}
