import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  LdapOrgEntityProvider,
  readProviderConfigs,
} from '@backstage/plugin-catalog-backend-module-ldap';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  readDepartedMarker,
  readDisabledUserRule,
  selectConfiguredProviders,
} from './config';
import {
  createDirectoryGroupTransformer,
  createDirectoryUserTransformer,
} from './directoryTransformers';
import { DirectoryOrgProvider } from './DirectoryOrgProvider';

/**
 * Users and groups from each `catalog.providers.ldapOrg` directory, read by the stock
 * LdapOrgEntityProvider; use it instead of the stock module, not beside it.
 */
export const catalogModuleLdapDirectory = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ldap-directory',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        const selected = selectConfiguredProviders(config);
        for (const id of selected.unset) {
          logger.warn(
            `Directory sync '${id}' is off: catalog.providers.ldapOrg.${id}.target is not set`,
          );
        }
        const disabledUser = readDisabledUserRule(config);
        const departedMarker = readDepartedMarker(config);
        for (const provider of readProviderConfigs(selected.config)) {
          if (!provider.schedule) {
            throw new Error(
              `catalog.providers.ldapOrg.${provider.id}.schedule is required, e.g. { frequency: PT1H, timeout: PT15M }`,
            );
          }
          const stock = new LdapOrgEntityProvider({
            id: provider.id,
            provider,
            logger,
            userTransformer: createDirectoryUserTransformer({
              providerId: provider.id,
              disabledUser,
              departedMarker,
            }),
            groupTransformer: createDirectoryGroupTransformer({
              providerId: provider.id,
            }),
          });
          catalog.addEntityProvider(
            new DirectoryOrgProvider(stock, {
              provider,
              schedule: scheduler.createScheduledTaskRunner(provider.schedule),
              logger,
            }),
          );
        }
      },
    });
  },
});
