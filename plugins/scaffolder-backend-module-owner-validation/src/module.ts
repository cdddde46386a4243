import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readOwnerCheckOptions } from '@internal/plugin-owner-validation-common';
import { createValidateOwnerAction } from './actions/validateOwner';

/** Adds the `owner:validate` action to the scaffolder. */
export const scaffolderModuleOwnerValidation = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'owner-validation',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, catalog, scaffolderActions }) {
        scaffolderActions.addActions(
          createValidateOwnerAction({
            catalog,
            checkOptions: readOwnerCheckOptions(config),
          }),
        );
      },
    });
  },
});
