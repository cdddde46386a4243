import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techdocsGeneratorExtensionPoint } from '@backstage/plugin-techdocs-node';
import { OfflineMkdocsGenerator } from './OfflineMkdocsGenerator';

/** Replaces the stock MkDocs generator with one that builds from a copy and with no web fonts. */
export const techdocsModuleOfflineGenerator = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'offline-generator',
  register(reg) {
    reg.registerInit({
      deps: {
        generators: techdocsGeneratorExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ generators, config, logger }) {
        generators.setTechdocsGenerator(
          OfflineMkdocsGenerator.fromConfig(config, { logger }),
        );
      },
    });
  },
});
