import { testPostgres } from '@internal/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { permissionModuleLighthousePolicy } from './module';

// The catalog runs on a real PostgreSQL; without one these tests fail instead of being skipped.
const databases = testPostgres();

/** Group memberships, as a sign-in resolver would put them in the users' tokens. */
const memberships: Record<string, string[]> = {
  'user:default/alice': ['group:default/platform'],
  'user:default/bob': ['group:default/payments'],
  'user:default/carol': ['group:default/sre'],
  'user:default/dave': ['group:default/web'],
};

const location = 'url:https://git.example/lighthouse/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
};

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations },
  spec: { type: 'team', children: [] },
});
const user = (name: string, memberOf: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, annotations },
  spec: { memberOf: [memberOf] },
});
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const restricted = { 'backstage:permissions': { tags: ['platform-only'] } };
const template = (name: string, tags: string[]): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, tags, annotations },
  spec: {
    type: 'service',
    owner: 'platform',
    parameters: [
      { title: 'Name', properties: { name: { type: 'string' } } },
      // Parameters and steps for the platform team only (the scaffolder's own tags).
      {
        title: 'Database',
        properties: { size: { type: 'string' } },
        ...restricted,
      },
    ],
    steps: [
      { id: 'log', action: 'debug:log', input: { message: 'hi' } },
      {
        id: 'db',
        action: 'debug:log',
        input: { message: 'database' },
        ...restricted,
      },
    ],
  },
});

const entities: Entity[] = [
  group('platform'),
  group('payments'),
  group('sre'),
  group('web'),
  user('alice', 'platform'),
  user('bob', 'payments'),
  user('carol', 'sre'),
  user('dave', 'web'),
  component('payments-service', 'payments'),
  component('payments-worker', 'payments'),
  component('web-shop', 'web'),
  template('platform-database', ['golden-path', 'platform-only']),
  template('new-service', ['golden-path']),
];

/** Puts the entities above into the catalog, as an organisation's catalog files would. */
const staticEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'lighthouse-test-entities',
  register(reg) {
    reg.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addEntityProvider({
          getProviderName: () => 'lighthouse-test-entities',
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                entity,
                locationKey: 'lighthouse-test',
              })),
            });
          },
        });
      },
    });
  },
});

/** The user and their groups, without a catalog lookup (like a sign-in resolver's token claims). */
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(memberships[ref] ?? [])],
      };
    },
  }),
});

/**
 * The mock httpAuth, except that a plugin's token on behalf of a user keeps the acting plugin, as real
 * tokens do. The mock drops it, and the permission backend then takes the catalog's conditional
 * requests (no resourceRef) for a user calling it directly and refuses them.
 */
const httpAuth = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    const prefix = 'mock-service-token:';
    return {
      async credentials(req, options) {
        const header = req.headers.authorization ?? '';
        const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
        if (token?.startsWith(prefix)) {
          const { sub, obo, target } = JSON.parse(token.slice(prefix.length));
          if (
            obo &&
            target === plugin.getId() &&
            (options?.allow as string[] | undefined)?.includes('user')
          ) {
            return mockCredentials.user(obo, {
              actor: { subject: sub ?? 'plugin' },
            }) as any;
          }
        }
        return mock.credentials(req, options);
      },
      issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
    } as HttpAuthService;
  },
});

/** A database of its own for each plugin, as in production. */
const databasePerPlugin = createServiceFactory({
  service: coreServices.database,
  deps: {},
  async factory() {
    return mockServices.database({
      knex: await databases.init(),
    });
  },
});

const as = (name: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
});

describe('the Lighthouse policy with the catalog and the scaffolder', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  /** Waits until the catalog has processed `ref` with its relations, and returns it. */
  async function processed(ref: string): Promise<Entity> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    for (let i = 0; i < 300; i++) {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
        .set(as('alice'));
      if (res.status === 200 && res.body.relations?.length) return res.body;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    const last = await request(server)
      .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
      .set(as('alice'));
    throw new Error(
      `The catalog did not process '${ref}': ${last.status} ${JSON.stringify(
        last.body,
      ).slice(0, 500)}`,
    );
  }

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTemplateKind,
        permissionPlugin,
        scaffolderPlugin,
        permissionModuleLighthousePolicy,
        staticEntities,
        userInfo,
        httpAuth,
        databasePerPlugin,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'Group', 'User', 'Template'] }],
              processingInterval: { seconds: 1 },
            },
            lighthouse: {
              permissions: {
                admins: ['group:default/platform'],
                restrictedTemplates: [
                  { tag: 'platform-only', allow: ['group:default/sre'] },
                ],
              },
            },
          },
        }),
      ],
    }));
    await Promise.all(
      [
        'component:default/payments-service',
        'component:default/payments-worker',
        'component:default/web-shop',
        'template:default/platform-database',
        'template:default/new-service',
      ].map(processed),
    );
  }, 60_000);

  describe('refresh', () => {
    const refresh = (who: string, entityRef: string) =>
      request(server)
        .post('/api/catalog/refresh')
        .set(as(who))
        .send({ entityRef });

    it('lets an owner refresh their entity', async () => {
      expect(
        (await refresh('bob', 'component:default/payments-service')).status,
      ).toBe(200);
    });

    it('refuses someone who does not own the entity', async () => {
      const res = await refresh('dave', 'component:default/payments-service');
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    });

    it('lets an admin refresh any entity', async () => {
      expect(
        (await refresh('alice', 'component:default/payments-service')).status,
      ).toBe(200);
    });
  });

  describe('unregister', () => {
    const remove = async (who: string, entityRef: string) => {
      const { metadata } = await processed(entityRef);
      return request(server)
        .delete(`/api/catalog/entities/by-uid/${metadata.uid}`)
        .set(as(who));
    };
    const exists = async (path: string) =>
      (
        await request(server)
          .get(`/api/catalog/entities/by-name/${path}`)
          .set(as('alice'))
      ).status === 200;

    it('refuses someone who does not own the entity', async () => {
      const res = await remove('dave', 'component:default/payments-worker');
      expect(res.status).toBe(403);
      expect(await exists('component/default/payments-worker')).toBe(true);
    });

    it('lets an owner delete their entity', async () => {
      const res = await remove('bob', 'component:default/payments-worker');
      expect(res.status).toBe(204);
      expect(await exists('component/default/payments-worker')).toBe(false);
    });

    it('lets an admin delete any entity', async () => {
      const res = await remove('alice', 'component:default/web-shop');
      expect(res.status).toBe(204);
      expect(await exists('component/default/web-shop')).toBe(false);
    });

    it('leaves deleting locations, and every entity in them, to admins', async () => {
      const created = await request(server)
        .post('/api/catalog/locations')
        .set(as('bob'))
        .send({ type: 'url', target: 'http://localhost:1/catalog-info.yaml' });
      expect(created.status).toBe(201);
      const id = created.body.location.id;

      const refused = await request(server)
        .delete(`/api/catalog/locations/${id}`)
        .set(as('bob'));
      expect(refused.status).toBe(403);

      const deleted = await request(server)
        .delete(`/api/catalog/locations/${id}`)
        .set(as('alice'));
      expect(deleted.status).toBe(204);
    });
  });

  describe('restricted templates', () => {
    const templateNames = async (who: string) => {
      const res = await request(server)
        .get('/api/catalog/entities/by-query?filter=kind=template')
        .set(as(who));
      expect(res.status).toBe(200);
      return res.body.items.map((e: Entity) => e.metadata.name).sort();
    };
    const getTemplate = (who: string) =>
      request(server)
        .get('/api/catalog/entities/by-name/template/default/platform-database')
        .set(as(who));

    it('hides a restricted template from non-members', async () => {
      expect(await templateNames('bob')).toEqual(['new-service']);
      expect((await getTemplate('bob')).status).toBe(404);
    });

    it('shows it to members of an allowed group', async () => {
      expect(await templateNames('carol')).toEqual([
        'new-service',
        'platform-database',
      ]);
      expect((await getTemplate('carol')).status).toBe(200);
    });

    it('keeps the scaffolder from showing or running it for non-members', async () => {
      const schema = await request(server)
        .get(
          '/api/scaffolder/v2/templates/default/template/platform-database/parameter-schema',
        )
        .set(as('bob'));
      expect(schema.status).toBe(404);
      const task = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set(as('bob'))
        .send({
          templateRef: 'template:default/platform-database',
          values: { name: 'x' },
        });
      expect(task.status).toBe(404);
      expect(task.body.error.message).toBe(
        'Template template:default/platform-database not found',
      );
    });

    it('lets the scaffolder show it to members', async () => {
      const schema = await request(server)
        .get(
          '/api/scaffolder/v2/templates/default/template/platform-database/parameter-schema',
        )
        .set(as('carol'));
      expect(schema.status).toBe(200);
    });

    it('hides parameters tagged for others in an open template', async () => {
      const steps = async (who: string) => {
        const res = await request(server)
          .get(
            '/api/scaffolder/v2/templates/default/template/new-service/parameter-schema',
          )
          .set(as(who));
        expect(res.status).toBe(200);
        return res.body.steps.map((step: { title: string }) => step.title);
      };
      expect(await steps('bob')).toEqual(['Name']);
      expect(await steps('carol')).toEqual(['Name', 'Database']);
      expect(await steps('alice')).toEqual(['Name', 'Database']);
    });

    it('shows it to admins', async () => {
      expect(await templateNames('alice')).toEqual([
        'new-service',
        'platform-database',
      ]);
    });
  });
});
