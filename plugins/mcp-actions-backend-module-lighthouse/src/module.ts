import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerOwnershipProblemsAction } from './actions/ownershipProblems';
import { registerQualityOfAction } from './actions/qualityOf';
import { registerSearchDocsAction } from './actions/searchDocs';
import { registerWhoOwnsAction } from './actions/whoOwns';
import { CallerClients } from './services/CallerClients';
import { EntityFinder } from './services/EntityFinder';

/** Registers Lighthouse's actions with the actions registry of the MCP actions plugin. */
export const mcpActionsModuleLighthouse = createBackendModule({
  pluginId: 'mcp-actions',
  moduleId: 'lighthouse',
  register(reg) {
    reg.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({ actionsRegistry, catalog, auth, discovery, config }) {
        const deps = {
          catalog,
          finder: new EntityFinder(catalog),
          clients: new CallerClients({ auth, discovery }),
          appBaseUrl: config.getString('app.baseUrl'),
        };
        registerWhoOwnsAction(actionsRegistry, deps);
        registerOwnershipProblemsAction(actionsRegistry, deps);
        registerQualityOfAction(actionsRegistry, deps);
        registerSearchDocsAction(actionsRegistry, deps);
      },
    });
  },
});
