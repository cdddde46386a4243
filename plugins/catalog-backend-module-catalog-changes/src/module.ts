import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogChangesServiceRef } from '@internal/backend-catalog-changes';
import { CatalogRefreshState } from '@internal/backend-catalog-refresh-state';
import { CatalogChangesProcessor } from './CatalogChangesProcessor';
import { DeletionCheck } from './DeletionCheck';

/** Queues changed and deleted catalog entities for the in-house plugins. */
export const catalogModuleCatalogChanges = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'catalog-changes',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        changes: catalogChangesServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        scheduler,
        database,
        processing,
        catalog,
        changes,
      }) {
        processing.addProcessor(
          new CatalogChangesProcessor({ changes, logger }),
        );
        const listInterval = config.getOptionalNumber(
          'catalogChanges.deletionListIntervalSeconds',
        );
        // The catalog's own record of what it holds: an entity it has processed but not stored
        // yet is not taken for deleted.
        const refreshState = new CatalogRefreshState(
          await database.getClient(),
        );
        const deletions = new DeletionCheck({
          catalog,
          auth,
          changes,
          logger,
          heldRefs: refs => refreshState.heldRefs(refs),
          membershipVersion: () => refreshState.membershipVersion(),
          ...(listInterval !== undefined
            ? { minListIntervalMs: listInterval * 1000 }
            : {}),
        });
        const schedule = config.has('catalogChanges.deletionCheck')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('catalogChanges.deletionCheck'),
            )
          : {
              frequency: { seconds: 10 },
              timeout: { minutes: 5 },
              initialDelay: { seconds: 30 },
            };
        await scheduler.scheduleTask({
          id: 'catalog-changes-deletion-check',
          ...schedule,
          scope: 'global',
          fn: async () => {
            await deletions.run();
          },
        });
      },
    });
  },
});
