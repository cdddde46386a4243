import supertest from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Doc = {
  paths: Record<string, Record<string, any>>;
  components?: Record<string, any>;
};

/** Checks that an HTTP answer is one the OpenAPI document allows. */
export interface OpenApiResponseChecker {
  /**
   * Throws, naming the route and what does not match, unless `status` is a documented response of
   * `method path` and `body` matches its JSON schema.
   */
  check(
    method: string,
    path: string,
    response: { status: number; body: unknown },
  ): void;
}

function templateMatches(template: string, path: string) {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * A checker for the routes of `spec` (the generated `spec` of a backend), as they are seen below
 * the plugin's base path: `check('get', '/findings', res)`.
 */
export function createOpenApiResponseChecker(
  spec: Doc,
): OpenApiResponseChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: spec.components ?? {} }, 'spec');
  const rewrite = (schema: unknown): unknown =>
    JSON.parse(
      JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'),
    );
  return {
    check(method, path, { status, body }) {
      const bare = path.split('?')[0];
      const template = Object.keys(spec.paths)
        .filter(t => templateMatches(t, bare))
        .sort((a, b) => b.split('{').length - a.split('{').length)
        .pop();
      const operation = template && spec.paths[template][method.toLowerCase()];
      if (!operation) {
        throw new Error(
          `${method.toUpperCase()} ${bare} is not in the OpenAPI document`,
        );
      }
      let response = operation.responses?.[String(status)];
      if (!response) {
        throw new Error(
          `${method.toUpperCase()} ${template} answered ${status}, which the OpenAPI document does not list (${Object.keys(
            operation.responses ?? {},
          ).join(', ')})`,
        );
      }
      if (response.$ref) {
        const name = response.$ref.split('/').pop();
        response = spec.components?.responses?.[name];
      }
      const schema = response?.content?.['application/json']?.schema;
      if (!schema) return;
      const validate = ajv.compile(rewrite(schema) as object);
      if (!validate(body)) {
        const problems = (validate.errors ?? [])
          .map(
            e =>
              `${e.instancePath || '(body)'} ${e.message}${
                e.params && 'additionalProperty' in e.params
                  ? ` '${e.params.additionalProperty}'`
                  : ''
              }`,
          )
          .join('; ');
        throw new Error(
          `${method.toUpperCase()} ${template} answered ${status} with a body the OpenAPI document does not allow: ${problems}`,
        );
      }
    },
  };
}

type Agent = ReturnType<typeof supertest>;

/**
 * supertest, with every answer of a route under `basePath` checked against `spec`: a drop-in for
 * `request(server)` in route tests, so each of them also tests the contract.
 */
export function createOpenApiRequest(spec: Doc, basePath: string) {
  const checker = createOpenApiResponseChecker(spec);
  return (server: Parameters<typeof supertest>[0]) => {
    const agent: Agent = supertest(server);
    const checked =
      (method: 'get' | 'post' | 'put' | 'patch' | 'delete') =>
      (path: string) => {
        const test = agent[method](path);
        if (!path.startsWith(basePath)) return test;
        return test.expect(res =>
          checker.check(method, path.slice(basePath.length) || '/', {
            status: res.status,
            body: res.body,
          }),
        );
      };
    return {
      get: checked('get'),
      post: checked('post'),
      put: checked('put'),
      patch: checked('patch'),
      delete: checked('delete'),
    };
  };
}
