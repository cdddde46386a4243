import { ResponseError } from '@backstage/errors';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createPluginClient } from './createPluginClient';

// A real HTTP server stands in for the plugin.
type Paths = {
  '/things/{name}': {
    get: {
      parameters: { path: { name: string }; query?: { limit?: number } };
      responses: {
        200: {
          content: {
            'application/json': { name: string; limit?: string; auth?: string };
          };
        };
      };
    };
  };
  '/things': {
    post: {
      requestBody: { content: { 'application/json': { name: string } } };
      responses: {
        201: { content: { 'application/json': { created: string } } };
      };
    };
  };
};

let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST') {
        res.statusCode = 201;
        res.end(JSON.stringify({ created: JSON.parse(body).name }));
      } else if (url.pathname === '/api/things/things/missing') {
        res.statusCode = 404;
        res.end(
          JSON.stringify({
            error: { name: 'NotFoundError', message: "No thing 'missing'" },
            response: { statusCode: 404 },
          }),
        );
      } else {
        res.end(
          JSON.stringify({
            name: url.pathname,
            limit: url.searchParams.get('limit') ?? undefined,
            auth: req.headers.authorization,
          }),
        );
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/things`;
});

afterAll(() => new Promise(resolve => server.close(resolve)));

function client() {
  return createPluginClient<Paths>('things', {
    discoveryApi: { getBaseUrl: async id => baseUrl.replace('things', id) },
    fetchApi: {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers)),
            authorization: 'Bearer t',
          },
        }),
    },
  });
}

describe('createPluginClient', () => {
  it("sends to the plugin's base URL through the given fetch", async () => {
    const { data } = await client().GET('/things/{name}', {
      params: { path: { name: 'anvil' }, query: { limit: 5 } },
    });
    expect(data).toEqual({
      name: '/api/things/things/anvil',
      limit: '5',
      auth: 'Bearer t',
    });
  });

  it('sends a JSON body', async () => {
    const { data } = await client().POST('/things', {
      body: { name: 'anvil' },
    });
    expect(data).toEqual({ created: 'anvil' });
  });

  it("throws Backstage's ResponseError with the server's message", async () => {
    const error = await client()
      .GET('/things/{name}', { params: { path: { name: 'missing' } } })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.message).toBe('Request failed with 404 Not Found');
    expect(error.cause.message).toBe("No thing 'missing'");
    expect(error.cause.name).toBe('NotFoundError');
  });
});
