/**
 * People and teams from the company directory, through the stock LDAP entity provider.
 *
 * @packageDocumentation
 */
export { catalogModuleLdapDirectory as default } from './module';
export {
  DirectoryOrgProvider,
  guardAgainstEmptyRead,
} from './DirectoryOrgProvider';
export {
  createDirectoryGroupTransformer,
  createDirectoryUserTransformer,
  isDisabledEntry,
} from './directoryTransformers';
export { explainSyncError } from './explainSyncError';
