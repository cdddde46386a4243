/**
 * Edits of catalog-info.yaml as YAML documents, unified diffs, the change request API's client and
 * the permissions of the catalog fixes plugin.
 *
 * @packageDocumentation
 */
export { editCatalogInfo } from './editCatalogInfo';
export { sameEntity } from './editedEntity';
export { unifiedDiff } from './unifiedDiff';
export * from './permissions';
