import { DatabaseManager } from '@backstage/backend-defaults/database';
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { CatalogChangesService } from './CatalogChanges';
import { DatabaseCatalogChanges } from './DatabaseCatalogChanges';

/**
 * The change queue, shared by the catalog module that fills it and the plugins that consume it.
 * Root-scoped: one queue per process, in its own database (`backend.database` config, plugin id
 * `catalog-changes`), since each plugin's own database is private to it.
 */
export const catalogChangesServiceRef = createServiceRef<CatalogChangesService>(
  {
    id: 'internal.catalog-changes',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
          lifecycle: coreServices.rootLifecycle,
        },
        async factory({ config, logger, lifecycle }) {
          const database = DatabaseManager.fromConfig(config).forPlugin(
            'catalog-changes',
            { logger: logger.child({ service: 'catalog-changes' }), lifecycle },
          );
          const changes = await DatabaseCatalogChanges.create({ database });
          lifecycle.addShutdownHook(() => changes.close());
          return changes;
        },
      }),
  },
);
