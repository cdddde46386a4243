/**
 * The pure checks of the catalog input guard: what makes a catalog-info.yaml file unfit for the
 * catalog, each problem with the fix and its line. The catalog module
 * (`@internal/plugin-catalog-backend-module-input-guard`) and the checker
 * (`@internal/catalog-info-lint`) both judge files with these.
 *
 * @packageDocumentation
 */
export * from './options';
export * from './inspectDocument';
export * from './inspectFile';
export * from './entityRefs';
