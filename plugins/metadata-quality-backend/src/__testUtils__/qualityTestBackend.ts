import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  componentEntity,
  createOpenApiRequest,
  groupEntity,
  standInPlugin,
  startPluginTestBackend,
  testPostgres,
} from '@internal/backend-test-utils';
import { metadataQualityPlugin } from '../plugin';
import { spec } from '../schema/openapi/generated';

/** The plugin's test backend on the real PostgreSQL, shared by the route tests. */
// Every answer of the plugin's routes is checked against its OpenAPI document. Requests carry a
// user's token, as the document requires (the test backend's default credentials come without one);
// a test replaces it to ask without credentials.
export const openApiRequest = createOpenApiRequest(
  spec,
  '/api/metadata-quality',
);
const user = mockCredentials.user.header();
export const request = (server: Parameters<typeof openApiRequest>[0]) => {
  const agent = openApiRequest(server);
  return {
    get: (path: string) => agent.get(path).set('Authorization', user),
    post: (path: string) => agent.post(path).set('Authorization', user),
    put: (path: string) => agent.put(path).set('Authorization', user),
    delete: (path: string) => agent.delete(path).set('Authorization', user),
  };
};

/** A stand-in TechDocs backend whose storage holds the sites of the named components. */
function techdocsWithBuiltSites(names: string[]) {
  return standInPlugin('techdocs', router =>
    router.get('/metadata/techdocs/:namespace/:kind/:name', (req, res) => {
      if (names.includes(req.params.name)) res.json({ site_name: 'x' });
      else res.status(404).json({ error: { name: 'NotFoundError' } });
    }),
  );
}

const databases = testPostgres();

export const entities: Entity[] = [
  groupEntity('engineering', { type: 'department' }, { title: 'Engineering' }),
  groupEntity(
    'payments',
    { parent: 'engineering' },
    { title: 'Payments Team' },
  ),
  // The catalog adds the ownedBy relation that "Confirm all" finds a team's entities by.
  {
    ...componentEntity(
      'payments-service',
      {
        owner: 'payments',
        system: 'payments',
        providesApis: ['payments-api'],
      },
      {
        description: 'Takes payments',
        etag: 'e1',
        annotations: {
          'backstage.io/techdocs-ref': 'dir:.',
          'backstage.io/source-location': 'url:https://git.example/p',
        },
        links: [
          { url: 'https://r.example', title: 'Runbook' },
          { url: 'https://d.example', title: 'Dashboard' },
        ],
      },
    ),
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  },
  componentEntity('orphan', { owner: 'nobody' }, { etag: 'e2' }),
];

/** What the plugin sent through the notifications service. */
export const sentNotices = jest.fn();

export async function start(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    permissions?: ServiceFactory<PermissionsService>;
  } = {},
) {
  return startPluginTestBackend({
    knex: await databases.init(),
    entities,
    permissions: options.permissions ?? options.permission,
    send: sentNotices,
    catalogChanges: true,
    features: [
      metadataQualityPlugin,
      techdocsWithBuiltSites(['payments-service']),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
    config: {
      metadataQuality: {
        rules: [
          {
            id: 'has-tags',
            title: 'Has tags',
            check: { type: 'fieldPresent', path: 'metadata.tags' },
            weight: 1,
            howToFix: 'Add tags',
            appliesTo: { kinds: ['Component'] },
          },
        ],
      },
    },
  });
}
