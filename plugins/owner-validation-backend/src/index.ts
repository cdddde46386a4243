/**
 * Owner validation backend: checks that owned entities have a valid, present owner.
 *
 * @packageDocumentation
 */
export { ownerValidationPlugin as default } from './plugin';
// The findings store, driven directly by the benchmark (bench/owner-validation.mjs).
export { DatabaseFindingsStore } from './database/DatabaseFindingsStore';
