import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readOwnerCheckOptions } from '@internal/plugin-owner-validation-common';
import { StrictOwnerProcessor } from './StrictOwnerProcessor';

/** With `ownerValidation.strict: true`, adds the {@link StrictOwnerProcessor} to the catalog. */
export const catalogModuleOwnerValidation = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'owner-validation',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, catalog }) {
        if (!config.getOptionalBoolean('ownerValidation.strict')) {
          return;
        }
        logger.info(
          'ownerValidation.strict: entities with a missing or malformed owner are refused',
        );
        catalog.addProcessor(
          new StrictOwnerProcessor(readOwnerCheckOptions(config)),
        );
      },
    });
  },
});
