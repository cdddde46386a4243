import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
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
        auth: coreServices.auth,
        catalog: catalogProcessingExtensionPoint,
        catalogApi: catalogServiceRef,
      },
      async init({ config, logger, auth, catalog, catalogApi }) {
        if (!config.getOptionalBoolean('ownerValidation.strict')) {
          return;
        }
        logger.info(
          'ownerValidation.strict: entities whose owner has an error finding are refused',
        );
        const readOrg = async () => {
          const credentials = await auth.getOwnServiceCredentials();
          const entities: Entity[] = [];
          for await (const page of catalogApi.streamEntities(
            { filter: { kind: ['User', 'Group'] } },
            { credentials },
          )) {
            entities.push(...page);
          }
          return entities;
        };
        catalog.addProcessor(
          new StrictOwnerProcessor(
            readOwnerCheckOptions(config),
            readOrg,
            error =>
              logger.warn(
                `ownerValidation.strict: could not read users and groups, judging owner references only: ${error}`,
              ),
          ),
        );
      },
    });
  },
});
