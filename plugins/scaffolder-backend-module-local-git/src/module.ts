import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { LocalGitRepositories } from './LocalGitRepositories';
import { createPublishLocalGitAction } from './actions/publishLocalGit';
import { createRegisterLocalGitAction } from './actions/registerLocalGit';
import { createValidateGoldenPathAction } from './actions/validateGoldenPath';
import { createNameAvailabilityRouter } from './router';

/** Scaffolder actions for golden paths on offline repositories. */
export const scaffolderModuleLocalGit = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'local-git',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({
        scaffolder,
        config,
        catalog,
        events,
        httpRouter,
        httpAuth,
      }) {
        const repositories = LocalGitRepositories.fromConfig(config);
        httpRouter.use(
          await createNameAvailabilityRouter({
            httpAuth,
            catalog,
            repositories,
          }),
        );
        scaffolder.addActions(
          createValidateGoldenPathAction({
            catalog,
            repositories,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
          }),
          createPublishLocalGitAction({ repositories, config, events }),
          createRegisterLocalGitAction({
            repositories,
            catalog,
            config,
            events,
          }),
        );
      },
    });
  },
});
