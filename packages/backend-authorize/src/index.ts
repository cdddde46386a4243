/**
 * Request authorization shared by the in-house backend plugins.
 *
 * @packageDocumentation
 */
export { createRequestAuthorizer } from './requestAuthorizer';
export type { RequestAuthorizer } from './requestAuthorizer';
