/** The Lighthouse permission policy module for the permission backend. */
export { permissionModuleLighthousePolicy as default } from './module';
export {
  LighthousePermissionPolicy,
  adminOnlyPermissions,
  ownerOrAdminPermissions,
} from './LighthousePermissionPolicy';
export type { RestrictedTemplateTag } from './LighthousePermissionPolicy';
