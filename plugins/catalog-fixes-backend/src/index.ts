/**
 * The catalog fixes backend plugin: findings become reviewed changes of catalog-info.yaml.
 *
 * @packageDocumentation
 */
export { catalogFixesPlugin as default } from './plugin';
