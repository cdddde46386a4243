/**
 * The metadata quality backend plugin.
 *
 * @packageDocumentation
 */
export { metadataQualityPlugin as default } from './plugin';
export type { OwnerValidator, OwnerLookup } from './service/OwnerValidator';
