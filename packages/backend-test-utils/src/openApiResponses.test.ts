import { createOpenApiResponseChecker } from './openApiResponses';

const spec = {
  paths: {
    '/things/{name}': {
      get: {
        responses: {
          '200': {
            description: 'A thing',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { $ref: '#/components/responses/Error' },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, seenAt: { type: 'string', format: 'date-time' } },
      },
    },
    responses: {
      Error: {
        description: 'An error',
        content: {
          'application/json': {
            schema: { type: 'object', required: ['error'], properties: { error: { type: 'object' } } },
          },
        },
      },
    },
  },
};

describe('createOpenApiResponseChecker', () => {
  const checker = createOpenApiResponseChecker(spec);

  it('accepts an answer the document describes', () => {
    expect(() =>
      checker.check('get', '/things/anvil', {
        status: 200,
        body: { name: 'anvil', seenAt: '2026-12-03T10:00:00Z' },
      }),
    ).not.toThrow();
    expect(() =>
      checker.check('GET', '/things/anvil?x=1', { status: 404, body: { error: {} } }),
    ).not.toThrow();
  });

  it('names a property the document does not have', () => {
    expect(() =>
      checker.check('get', '/things/anvil', { status: 200, body: { name: 'anvil', colour: 'red' } }),
    ).toThrow("GET /things/{name} answered 200 with a body the OpenAPI document does not allow: (body) must NOT have additional properties 'colour'");
  });

  it('names a missing property and a wrong format', () => {
    expect(() => checker.check('get', '/things/anvil', { status: 200, body: { seenAt: 'yesterday' } })).toThrow(
      /must have required property 'name'.*\/seenAt must match format "date-time"/,
    );
  });

  it('refuses a status or a route the document does not list', () => {
    expect(() => checker.check('get', '/things/anvil', { status: 500, body: {} })).toThrow(
      'GET /things/{name} answered 500, which the OpenAPI document does not list (200, 404)',
    );
    expect(() => checker.check('post', '/things/anvil', { status: 200, body: {} })).toThrow(
      'POST /things/anvil is not in the OpenAPI document',
    );
  });
});
