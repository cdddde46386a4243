import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ProfileTitleProcessor } from './ProfileTitleProcessor';

/** Adds the {@link ProfileTitleProcessor} to the catalog. */
export const catalogModuleProfileTitles = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'profile-titles',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new ProfileTitleProcessor());
      },
    });
  },
});
