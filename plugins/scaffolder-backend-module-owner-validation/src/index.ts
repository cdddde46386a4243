/**
 * Scaffolder action `owner:validate`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleOwnerValidation as default } from './module';
export { createValidateOwnerAction } from './actions/validateOwner';
