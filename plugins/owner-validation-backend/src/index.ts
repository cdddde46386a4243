/**
 * Owner validation backend: checks that owned entities have a valid, present owner.
 *
 * @packageDocumentation
 */
export { ownerValidationPlugin as default } from './plugin';
