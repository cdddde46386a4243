import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  LOCAL_GIT_EVENT_TOPIC,
  LocalGitRepositories,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import { LocalGitEntityProvider } from './LocalGitEntityProvider';

/** Registers the repositories under `scaffolder.localGit.root` in the catalog. */
export const catalogModuleLocalGit = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-git',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, config, scheduler, events, logger }) {
        const repositories = LocalGitRepositories.fromConfig(config);
        const provider = new LocalGitEntityProvider(repositories);
        catalog.addEntityProvider(provider);

        const refresh = async () => {
          try {
            await provider.refresh();
          } catch (e) {
            logger.warn(`Could not scan ${repositories.root}: ${e}`);
          }
        };
        const seconds =
          config.getOptionalNumber('catalog.localGit.refreshSeconds') ?? 30;
        // Checkouts are on this host's disk, so every replica scans its own.
        await scheduler.scheduleTask({
          id: 'local-git-refresh',
          scope: 'local',
          frequency: { seconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds },
          fn: refresh,
        });
        await events.subscribe({
          id: 'local-git-provider',
          topics: [LOCAL_GIT_EVENT_TOPIC],
          onEvent: refresh,
        });
      },
    });
  },
});
