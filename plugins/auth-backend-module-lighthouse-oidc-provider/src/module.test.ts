import { testPostgres } from '@internal/backend-test-utils';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import authPlugin from '@backstage/plugin-auth-backend';
import { authModuleLighthouseOidcProvider } from './module';

// The auth backend keeps its keys and sessions in PostgreSQL, as in production (never SQLite).
const databases = testPostgres();

describe('authModuleLighthouseOidcProvider', () => {
  // The provider discovers its issuer at startup: a discovery document is all it needs here.
  let issuer: http.Server;
  let metadataUrl = '';
  beforeAll(async () => {
    issuer = http.createServer((_req, res) => {
      const base = `http://localhost:${(issuer.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          issuer: base,
          authorization_endpoint: `${base}/auth`,
          token_endpoint: `${base}/token`,
          userinfo_endpoint: `${base}/me`,
          jwks_uri: `${base}/jwks`,
        }),
      );
    });
    await new Promise<void>(r => issuer.listen(0, 'localhost', r));
    metadataUrl = `http://localhost:${
      (issuer.address() as AddressInfo).port
    }/.well-known/openid-configuration`;
  });
  afterAll(() => new Promise(r => issuer.close(r)));

  it('mounts the oidc provider with the Lighthouse resolver', async () => {
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        authModuleLighthouseOidcProvider,
        catalogServiceMock.factory(),
        mockServices.database.factory({
          knex: await databases.init(),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              session: { secret: 'test-session-secret' },
              providers: {
                oidc: {
                  development: {
                    metadataUrl,
                    clientId: 'lighthouse',
                    clientSecret: 'secret',
                    signIn: {
                      resolvers: [
                        { resolver: 'emailMatchingActiveUserEntity' },
                      ],
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    // Mounted: a refresh without a session is refused rather than unknown.
    const refresh = await request(server)
      .get('/api/auth/oidc/refresh?env=development')
      .set('x-requested-with', 'XMLHttpRequest');
    expect(refresh.status).toBe(401);

    const unknown = await request(server)
      .get('/api/auth/nope/refresh?env=development')
      .set('x-requested-with', 'XMLHttpRequest');
    expect(unknown.status).toBe(404);
  });
});
