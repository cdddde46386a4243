/**
 * Metadata quality: a score card on entity pages, a Quality tab and a Quality page.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export { metadataQualityApiRef } from './api';
