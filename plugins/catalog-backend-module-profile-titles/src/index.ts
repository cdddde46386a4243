/**
 * Users and groups titled with their profile's display name.
 *
 * @packageDocumentation
 */
export { catalogModuleProfileTitles as default } from './module';
export { ProfileTitleProcessor } from './ProfileTitleProcessor';
