/**
 * The catalog fixes frontend plugin: the Change requests page.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
