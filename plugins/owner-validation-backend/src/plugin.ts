import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  OWNER_FINDINGS_CHANGED_REASON,
  ownerValidationPermissions,
} from '@internal/plugin-owner-validation-common';
import { readOwnerValidationConfig } from './config';
import { DatabaseFindingsStore } from './database/DatabaseFindingsStore';
import { createRouter } from './router';
import { FindingsNotifier } from './service/FindingsNotifier';
import { OwnerCheckRunner } from './service/OwnerCheckRunner';
import { createRefusedOwnersReader } from './service/refusedOwners';
import {
  CatalogChangeConsumer,
  catalogChangesServiceRef,
} from '@internal/backend-catalog-changes';

// Metadata quality's consumer of the change queue.
const QUALITY_CONSUMER = 'metadata-quality';

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
        changes: catalogChangesServiceRef,
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
          orgVersion: () => deps.changes.kindsVersion(['user', 'group']),
          onFindingsChanged: refs =>
            deps.changes.enqueue(
              refs.map(entityRef => ({
                entityRef,
                reason: OWNER_FINDINGS_CHANGED_REASON,
              })),
              { consumers: [QUALITY_CONSUMER] },
            ),
        });

        await deps.scheduler.scheduleTask({
          id: 'owner-validation-check',
          scope: 'global',
          ...config.schedule,
          fn: async () => {
            await runner.run('schedule');
          },
        });

        // Changed entities, users and groups come from the catalog change queue: each change to
        // one replica, the cost follows the changes; the full check above is the nightly safety net.
        const consumer = await CatalogChangeConsumer.register({
          changes: deps.changes,
          consumer: 'owner-validation',
          logger: deps.logger,
          handle: batch => runner.checkChanges(batch),
        });
        await deps.scheduler.scheduleTask({
          id: 'owner-validation-catalog-changes',
          ...config.changesSchedule,
          // Local: each replica drains the queue; claims keep a change to one of them.
          scope: 'local',
          fn: async () => {
            await consumer.drain();
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
