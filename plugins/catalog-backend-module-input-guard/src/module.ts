import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import {
  createGuardedEntityDataParser,
  existingLocationsFrom,
} from './GuardedEntityDataParser';
import { LocationTargetsProcessor } from './LocationTargetsProcessor';
import { readInputGuardOptions } from './options';
import { ProcessingProblems } from './ProcessingProblems';
import {
  catalogProcessingProblemsReadPermission,
  createProcessingProblemsRouter,
} from './router';

/**
 * The catalog's input guard: every file of a multi-target Location is ingested on its own, and
 * malformed files are refused with errors naming the file, the field and the fix.
 */
export const catalogModuleInputGuard = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'input-guard',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        catalogApi: catalogServiceRef,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { config, logger, auth, catalog, catalogApi } = deps;
        const options = readInputGuardOptions(config);
        const integrations = ScmIntegrations.fromConfig(config);
        const existingLocations = existingLocationsFrom(async entityRefs => {
          try {
            const credentials = await auth.getOwnServiceCredentials();
            const { items } = await catalogApi.getEntitiesByRefs(
              { entityRefs, fields: ['metadata.annotations'] },
              { credentials },
            );
            return items;
          } catch (error) {
            // The catalog's own conflict check still keeps the first definition.
            logger.debug(`Input guard could not look up duplicates: ${error}`);
            return [];
          }
        });
        deps.model.setEntityDataParser(
          createGuardedEntityDataParser(options, existingLocations),
        );
        catalog.addProcessor(
          new LocationTargetsProcessor((url, base) =>
            integrations.resolveUrl({ url, base }),
          ),
        );

        // The catalog's database: this module only reads its refresh state.
        deps.permissionsRegistry.addPermissions([
          catalogProcessingProblemsReadPermission,
        ]);
        deps.httpRouter.use(
          createProcessingProblemsRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            problems: new ProcessingProblems(await deps.database.getClient()),
          }),
        );
      },
    });
  },
});
