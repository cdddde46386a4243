// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/metadata-quality-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of this plugin, as a value the router's types are derived from. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'metadata-quality',
    version: '1',
    description:
      'Metadata quality scores of catalog entities. Every route needs a user or service token (Authorization: Bearer ...): 401 without one. Reading needs the metadata-quality.read permission, re-evaluating metadata-quality.evaluate: 403 without it. Served under /api/metadata-quality.',
    license: {
      name: 'UNLICENSED',
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
      days: {
        name: 'days',
        in: 'query',
        description: 'Days of history, 1 to 3650.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 3650,
          default: 90,
        },
      },
    },
    responses: {
      Error: {
        description: "An error, as Backstage's error handler writes it.",
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                error: {
                  type: 'object',
                  properties: {
                    name: {
                      type: 'string',
                      example: 'InputError',
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
          },
        },
      },
    },
    schemas: {
      RuleResult: {
        type: 'object',
        required: ['ruleId', 'passed', 'weight'],
        properties: {
          ruleId: {
            type: 'string',
          },
          passed: {
            type: 'boolean',
          },
          weight: {
            type: 'number',
          },
          message: {
            type: 'string',
            description: 'Why the check failed.',
          },
        },
      },
      EntityScore: {
        type: 'object',
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'score',
          'level',
          'failingRules',
          'results',
          'evaluatedAt',
          'changedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
            example: 'component:default/checkout-web',
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
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          ownerRef: {
            type: 'string',
            example: 'group:default/web',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 100,
          },
          level: {
            type: 'string',
            nullable: true,
          },
          failingRules: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleResult',
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          changedAt: {
            type: 'string',
            format: 'date-time',
            description:
              "When the plugin first saw the entity's current metadata.etag.",
          },
        },
      },
      Rule: {
        type: 'object',
        required: ['id', 'title', 'check', 'weight', 'howToFix'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          appliesTo: {
            type: 'object',
            properties: {
              kinds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              types: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              lifecycles: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          check: {
            type: 'object',
            required: ['type'],
            properties: {
              type: {
                type: 'string',
                enum: [
                  'fieldPresent',
                  'fieldMatches',
                  'annotationPresent',
                  'relationPresent',
                  'ownerValid',
                  'techdocsPresent',
                  'linkPresent',
                  'freshness',
                ],
              },
            },
            additionalProperties: true,
          },
          weight: {
            type: 'number',
          },
          howToFix: {
            type: 'string',
          },
        },
      },
      Level: {
        type: 'object',
        required: ['name', 'minScore'],
        properties: {
          name: {
            type: 'string',
          },
          minScore: {
            type: 'number',
          },
        },
      },
      GroupSummary: {
        type: 'object',
        required: ['groupRef', 'entityCount', 'averageScore', 'levels'],
        properties: {
          groupRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          parentRef: {
            type: 'string',
          },
          entityCount: {
            type: 'integer',
            description: 'Entities the group and its child groups own.',
          },
          averageScore: {
            type: 'number',
            nullable: true,
          },
          levels: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
            description:
              'Entity count per level; `none` for entities below every level.',
          },
        },
      },
      EvaluationRun: {
        type: 'object',
        required: [
          'id',
          'instance',
          'trigger',
          'status',
          'startedAt',
          'heartbeatAt',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          instance: {
            type: 'string',
            description: 'host:pid of the replica',
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'manual'],
          },
          status: {
            type: 'string',
            enum: ['running', 'succeeded', 'failed', 'abandoned'],
            description:
              'abandoned when the replica stopped sending heartbeats (killed) for 30 s',
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
            description: 'Entities scored',
          },
          removedCount: {
            type: 'integer',
            description: 'Scores of deleted entities removed',
          },
          error: {
            type: 'string',
          },
        },
      },
      HistoryPoint: {
        type: 'object',
        required: ['day', 'score'],
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          score: {
            type: 'number',
          },
          entityCount: {
            type: 'integer',
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
    '/rules': {
      get: {
        operationId: 'GetRules',
        summary: 'The rules in force and the levels.',
        responses: {
          '200': {
            description: 'Rules and levels.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    rules: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Rule',
                      },
                    },
                    levels: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Level',
                      },
                    },
                  },
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
    '/entities': {
      get: {
        operationId: 'ListEntities',
        summary: 'Scored entities, filtered, sorted and paged.',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'owner',
            in: 'query',
            description:
              'Group ref or name (payments, group:default/payments).',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'level',
            in: 'query',
            description: 'A level name, or none.',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'failingRule',
            in: 'query',
            description: 'Only entities failing this rule id.',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'minScore',
            in: 'query',
            schema: {
              type: 'number',
              minimum: 0,
              maximum: 100,
            },
          },
          {
            name: 'maxScore',
            in: 'query',
            schema: {
              type: 'number',
              minimum: 0,
              maximum: 100,
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['score', 'name', 'evaluatedAt'],
              default: 'score',
            },
          },
          {
            name: 'order',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
              default: 'asc',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
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
            description: 'A page of entities.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EntityScore',
                      },
                    },
                    totalItems: {
                      type: 'integer',
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
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityScore',
        summary: "One entity's score with its rule results.",
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
            description: 'The score.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScore',
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
    '/summary': {
      get: {
        operationId: 'GetSummary',
        summary:
          'Totals over every scored entity (distribution in ten-point buckets, levels, failing rules).',
        responses: {
          '200': {
            description: 'Totals.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    entityCount: {
                      type: 'integer',
                    },
                    averageScore: {
                      type: 'number',
                      nullable: true,
                    },
                    levels: {
                      type: 'object',
                      additionalProperties: {
                        type: 'integer',
                      },
                    },
                    buckets: {
                      type: 'array',
                      items: {
                        type: 'integer',
                      },
                      minItems: 10,
                      maxItems: 10,
                    },
                    failingRules: {
                      type: 'object',
                      additionalProperties: {
                        type: 'integer',
                      },
                    },
                  },
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
    '/groups': {
      get: {
        operationId: 'GetGroupSummaries',
        summary:
          'Leaderboard; every group with the entities it and its child groups own, best first.',
        responses: {
          '200': {
            description: 'Groups.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/GroupSummary',
                      },
                    },
                  },
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
    '/history/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityHistory',
        summary: 'Daily scores of one entity.',
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
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: 'The series, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryPoint',
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
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/history/groups/{namespace}/{name}': {
      get: {
        operationId: 'GetGroupHistory',
        summary: 'Daily average score of a group and its child groups.',
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: 'The series, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    groupRef: {
                      type: 'string',
                    },
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryPoint',
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
    '/runs': {
      get: {
        operationId: 'ListRuns',
        summary:
          'Full evaluations, newest first, with the replica that ran each and how it ended.',
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
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EvaluationRun',
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
    '/evaluate': {
      post: {
        operationId: 'Evaluate',
        summary:
          'Re-evaluates every entity now. Needs the metadata-quality.evaluate permission.',
        responses: {
          '200': {
            description: 'What the run did.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    runId: {
                      type: 'integer',
                      description: 'The recorded run (GET /runs).',
                    },
                    evaluated: {
                      type: 'integer',
                    },
                    removed: {
                      type: 'integer',
                    },
                    durationMs: {
                      type: 'integer',
                    },
                  },
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
          '409': {
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
