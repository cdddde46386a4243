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
import { createGuardedEntityDataParser } from './GuardedEntityDataParser';
import { LocationTargetsProcessor } from './LocationTargetsProcessor';
import { readInputGuardOptions } from './options';
import { CatalogRefreshState } from '@internal/backend-catalog-refresh-state';
import { catalogProcessingProblemsReadPermission } from '@internal/plugin-catalog-problems-common';
import { createProcessingProblemsRouter } from './router';
import { RefusedDocumentsStore } from './RefusedDocumentsStore';

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
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { config, logger, catalog } = deps;
        const options = readInputGuardOptions(config);
        const integrations = ScmIntegrations.fromConfig(config);
        // The catalog's database: this module only reads its refresh state.
        const db = await deps.database.getClient();
        const refreshState = new CatalogRefreshState(db);
        const refusals = await RefusedDocumentsStore.create(db, {
          skipMigrations: deps.database.migrations?.skip,
        });
        deps.model.setEntityDataParser(
          createGuardedEntityDataParser(options, {
            existingLocations: async entityRefs => {
              try {
                return await refreshState.locationKeys(entityRefs);
              } catch (error) {
                // The catalog's own conflict check still keeps the first definition.
                logger.warn(
                  `Input guard could not look up duplicates: ${error}`,
                );
                return new Map();
              }
            },
            recordRefusals: async (location, refused) => {
              try {
                await refusals.replace(location, refused);
              } catch (error) {
                // The file's good entities are still emitted; only the record of the rest is late.
                logger.warn(
                  `Input guard could not record the refused documents of ${location.target}: ${error}`,
                );
              }
            },
          }),
        );
        catalog.addProcessor(
          new LocationTargetsProcessor((url, base) =>
            integrations.resolveUrl({ url, base }),
          ),
        );

        deps.permissionsRegistry.addPermissions([
          catalogProcessingProblemsReadPermission,
        ]);
        deps.httpRouter.use(
          await createProcessingProblemsRouter({
            httpAuth: deps.httpAuth,
            auth: deps.auth,
            permissions: deps.permissions,
            catalog: deps.catalogService,
            refreshState,
            refusals,
          }),
        );
      },
    });
  },
});
