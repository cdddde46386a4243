// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/owner-validation-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of this plugin, as a value the router's types are derived from. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'owner-validation',
    version: '1',
    description:
      'Ownership findings of catalog entities: owners that do not exist, departed people, empty teams, people owning what a team should own. Every route needs a user or service token (Authorization: Bearer ...): 401 without one. Reading needs owner-validation.read, running the check owner-validation.evaluate: 403 without it. Served under /api/owner-validation.',
    license: {
      name: 'UNLICENSED',
      identifier: 'UNLICENSED',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
      },
    },
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
    },
    responses: {
      Error: {
        description: "An error, as Backstage's error handler writes it.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
                examples: ['InputError'],
              },
              message: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      OwnerFindingType: {
        type: 'string',
        enum: [
          'missingOwner',
          'invalidOwnerRef',
          'ownerNotFound',
          'departedUser',
          'emptyGroup',
          'userOwner',
        ],
      },
      OwnerFindingSeverity: {
        type: 'string',
        enum: ['error', 'warning'],
      },
      OwnerFinding: {
        type: 'object',
        description:
          'An ownership problem of one entity, as computed by the check.',
        additionalProperties: false,
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'type',
          'severity',
          'message',
        ],
        properties: {
          entityRef: {
            type: 'string',
            description: 'The entity, e.g. component:default/foo (lower case).',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
            description: "The entity's title, for display.",
          },
          type: {
            $ref: '#/components/schemas/OwnerFindingType',
          },
          severity: {
            $ref: '#/components/schemas/OwnerFindingSeverity',
          },
          owner: {
            type: 'string',
            description: 'The owner as written in spec.owner',
            'if it was a string.': null,
          },
          ownerRef: {
            type: 'string',
            description:
              'The owner as a full entity reference, when it could be parsed.',
          },
          message: {
            type: 'string',
            description: 'A sentence explaining the problem.',
          },
          suggestedOwner: {
            type: 'string',
            description:
              'A group that could own the entity instead, when one can be inferred.',
          },
          team: {
            type: 'string',
            description:
              'The group last known to be responsible, used to group findings.',
          },
        },
      },
      StoredOwnerFinding: {
        type: 'object',
        description: 'A finding as stored, with its history.',
        additionalProperties: false,
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'type',
          'severity',
          'message',
          'id',
          'firstSeen',
          'lastSeen',
        ],
        properties: {
          entityRef: {
            type: 'string',
            description: 'The entity, e.g. component:default/foo (lower case).',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
            description: "The entity's title, for display.",
          },
          type: {
            $ref: '#/components/schemas/OwnerFindingType',
          },
          severity: {
            $ref: '#/components/schemas/OwnerFindingSeverity',
          },
          owner: {
            type: 'string',
            description: 'The owner as written in spec.owner',
            'if it was a string.': null,
          },
          ownerRef: {
            type: 'string',
            description:
              'The owner as a full entity reference, when it could be parsed.',
          },
          message: {
            type: 'string',
            description: 'A sentence explaining the problem.',
          },
          suggestedOwner: {
            type: 'string',
            description:
              'A group that could own the entity instead, when one can be inferred.',
          },
          team: {
            type: 'string',
            description:
              'The group last known to be responsible, used to group findings.',
          },
          id: {
            type: 'integer',
          },
          firstSeen: {
            type: 'string',
            format: 'date-time',
          },
          lastSeen: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          notifiedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      EntityFindingsResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'findings'],
        properties: {
          entityRef: {
            type: 'string',
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StoredOwnerFinding',
            },
          },
        },
      },
      FindingsListResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'totalCount', 'limit', 'offset'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StoredOwnerFinding',
            },
          },
          totalCount: {
            type: 'integer',
          },
          limit: {
            type: 'integer',
          },
          offset: {
            type: 'integer',
          },
        },
      },
      FindingsSummary: {
        type: 'object',
        additionalProperties: false,
        required: ['total', 'byType', 'bySeverity', 'byKind', 'byTeam'],
        properties: {
          total: {
            type: 'integer',
            description: 'Open findings.',
          },
          byType: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          bySeverity: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byKind: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byTeam: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['team', 'count'],
              properties: {
                team: {
                  type: ['string', 'null'],
                },
                count: {
                  type: 'integer',
                },
              },
            },
          },
          lastRun: {
            type: 'object',
            additionalProperties: false,
            required: ['finishedAt', 'entityCount', 'findingCount'],
            properties: {
              finishedAt: {
                type: 'string',
                format: 'date-time',
              },
              entityCount: {
                type: 'integer',
              },
              findingCount: {
                type: 'integer',
              },
            },
          },
        },
      },
      CheckRun: {
        type: 'object',
        additionalProperties: false,
        description: 'A run of the ownership check, as recorded.',
        required: ['id', 'status', 'startedAt'],
        properties: {
          id: {
            type: 'integer',
          },
          instance: {
            type: 'string',
            description: 'host:pid of the replica that ran it',
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'manual'],
          },
          status: {
            type: 'string',
            enum: ['running', 'succeeded', 'failed', 'abandoned'],
            description:
              'abandoned when the replica stopped sending heartbeats (killed)',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          heartbeatAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          entityCount: {
            type: 'integer',
          },
          findingCount: {
            type: 'integer',
          },
          error: {
            type: 'string',
          },
        },
      },
      CheckSummary: {
        type: 'object',
        additionalProperties: false,
        description: 'What one run of the check found and changed.',
        required: [
          'runId',
          'entityCount',
          'opened',
          'resolved',
          'open',
          'notified',
          'durationMs',
        ],
        properties: {
          runId: {
            type: 'integer',
            description: 'The id of the recorded run (GET /runs).',
          },
          entityCount: {
            type: 'integer',
          },
          opened: {
            type: 'integer',
          },
          resolved: {
            type: 'integer',
          },
          open: {
            type: 'integer',
          },
          notified: {
            type: 'integer',
          },
          durationMs: {
            type: 'number',
          },
        },
      },
      CheckEntitiesRequest: {
        type: 'object',
        required: ['entities'],
        properties: {
          entities: {
            description:
              'Entities as they would be registered (the catalog-import review step).',
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'object',
              required: ['kind', 'metadata'],
              additionalProperties: true,
              properties: {
                apiVersion: {
                  type: 'string',
                },
                kind: {
                  type: 'string',
                  minLength: 1,
                },
                metadata: {
                  type: 'object',
                  required: ['name'],
                  additionalProperties: true,
                  properties: {
                    name: {
                      type: 'string',
                      minLength: 1,
                    },
                    namespace: {
                      type: 'string',
                      minLength: 1,
                    },
                  },
                },
                spec: {
                  type: 'object',
                  additionalProperties: true,
                },
              },
            },
          },
        },
      },
      CheckEntitiesResponse: {
        type: 'object',
        additionalProperties: false,
        description: 'The findings of each submitted entity, in request order.',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['entityRef', 'findings'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                findings: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/OwnerFinding',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  security: [
    {
      bearer: [],
    },
  ],
  paths: {
    '/entities/{kind}/{namespace}/{name}/findings': {
      get: {
        operationId: 'GetEntityFindings',
        summary: 'The open and resolved findings of one entity.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: "The entity's findings.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityFindingsResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/findings': {
      get: {
        operationId: 'ListFindings',
        summary: 'Findings, filtered and paged.',
        parameters: [
          {
            name: 'type',
            in: 'query',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/OwnerFindingType',
              },
            },
          },
          {
            name: 'severity',
            in: 'query',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/OwnerFindingSeverity',
              },
            },
          },
          {
            name: 'kind',
            in: 'query',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
              },
            },
          },
          {
            name: 'team',
            in: 'query',
            description:
              'A group ref or name (payments, group:default/payments).',
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'resolved', 'all'],
              default: 'open',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 0,
              default: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of findings.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FindingsListResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/summary': {
      get: {
        operationId: 'GetSummary',
        summary:
          'Counts of the open findings by type, severity, kind and team, and the last run.',
        responses: {
          '200': {
            description: 'The counts.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FindingsSummary',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/runs': {
      get: {
        operationId: 'ListRuns',
        summary: 'The latest runs of the check, newest first.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 20,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The runs.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/CheckRun',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/check': {
      post: {
        operationId: 'CheckEntities',
        summary: 'Checks entities before they are registered; stores nothing.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CheckEntitiesRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The findings of each entity.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CheckEntitiesResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/evaluate': {
      post: {
        operationId: 'Evaluate',
        summary: 'Runs the ownership check now.',
        responses: {
          '200': {
            description: 'What the run found and changed.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CheckSummary',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;

/** An express router that validates requests against {@link spec} and types the handlers from it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
