import type {
  BackendFeature,
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  catalogChangesServiceRef,
  DatabaseCatalogChanges,
  migrateCatalogChanges,
} from '@internal/backend-catalog-changes';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import type { JsonObject } from '@backstage/types';

/** What {@link startPluginTestBackend} starts. */
export interface PluginTestBackendOptions {
  /** The plugin under test, stand-ins of the plugins it calls, and any further service factories. */
  features: BackendFeature[];
  /** The plugin's database. */
  knex: Knex;
  /** What the catalog holds. */
  entities?: Entity[];
  /** The root config. */
  config?: Record<string, unknown>;
  /** One answer to every permission request (default allow), or a permissions service. */
  permissions?:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY
    | ServiceFactory<PermissionsService>;
  /** Receives what the plugin sends through the notifications service (default: dropped). */
  send?: (notification: NotificationSendOptions) => unknown;
  /** Whether to add the catalog change queue, on the plugin's database. */
  catalogChanges?: boolean;
}

/**
 * A test backend for one plugin on a real database: the catalog holds `entities`, permissions,
 * config and notifications are stand-ins. Returns the HTTP server.
 */
export async function startPluginTestBackend(
  options: PluginTestBackendOptions,
): Promise<Server> {
  const { permissions = AuthorizeResult.ALLOW, send } = options;
  const { server } = await startTestBackend({
    features: [
      ...options.features,
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      typeof permissions === 'string'
        ? mockServices.permissions.factory({ result: permissions })
        : permissions,
      mockServices.rootConfig.factory({
        data: (options.config ?? {}) as JsonObject,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: NotificationSendOptions) => {
            await send?.(notification);
          },
        }),
      }),
      ...(options.catalogChanges
        ? [
            createServiceFactory({
              service: catalogChangesServiceRef,
              deps: { lifecycle: coreServices.rootLifecycle },
              factory: async ({ lifecycle }) => {
                await migrateCatalogChanges(options.knex);
                const changes = new DatabaseCatalogChanges(options.knex);
                // Its notification connection would keep the test database from being dropped.
                lifecycle.addShutdownHook(() => changes.close());
                return changes;
              },
            }),
          ]
        : []),
    ],
  });
  return server;
}
