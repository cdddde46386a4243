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
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        changes: catalogChangesServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        scheduler,
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
        const deletions = new DeletionCheck({
          catalog,
          auth,
          changes,
          logger,
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
