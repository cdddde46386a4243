import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { ownerValidationPermissions } from '@internal/plugin-owner-validation-common';
import { readOwnerValidationConfig } from './config';
import { DatabaseFindingsStore } from './database/DatabaseFindingsStore';
import { createRouter } from './router';
import { FindingsNotifier } from './service/FindingsNotifier';
import { OwnerCheckRunner } from './service/OwnerCheckRunner';
import { createRefusedOwnersReader } from './service/refusedOwners';

/** Checks entity owners on a schedule, stores findings and serves them. */
export const ownerValidationPlugin = createBackendPlugin({
  pluginId: 'owner-validation',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readOwnerValidationConfig(deps.config);
        deps.permissionsRegistry.addPermissions(ownerValidationPermissions);

        const store = await DatabaseFindingsStore.create({
          database: deps.database,
        });
        const notifier = config.notify.enabled
          ? new FindingsNotifier({
              store,
              notifications: deps.notifications,
              logger: deps.logger,
              fallbackGroup: config.notify.fallbackGroup,
            })
          : undefined;
        const runner = new OwnerCheckRunner({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          logger: deps.logger,
          config,
          notifier,
          readRefusedOwners: createRefusedOwnersReader({
            auth: deps.auth,
            discovery: deps.discovery,
          }),
        });

        await deps.scheduler.scheduleTask({
          id: 'owner-validation-check',
          scope: 'global',
          ...config.schedule,
          fn: async () => {
            await runner.run('schedule');
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            store,
            runner,
          }),
        );
      },
    });
  },
});
