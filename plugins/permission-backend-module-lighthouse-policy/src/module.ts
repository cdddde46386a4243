import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { LighthousePermissionPolicy } from './LighthousePermissionPolicy';

/** Installs the Lighthouse permission policy. */
export const permissionModuleLighthousePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'lighthouse-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        const admins = config.getOptionalStringArray(
          'lighthouse.permissions.admins',
        ) ?? ['group:default/platform'];
        const restrictedTemplates = (
          config.getOptionalConfigArray(
            'lighthouse.permissions.restrictedTemplates',
          ) ?? []
        ).map(entry => ({
          tag: entry.getString('tag'),
          allow: entry.getStringArray('allow'),
        }));
        policy.setPolicy(
          new LighthousePermissionPolicy({
            admins,
            restrictedTemplates,
            userInfo,
          }),
        );
      },
    });
  },
});
