/**
 * The catalog input guard: each file of a Location succeeds or fails on its own, and malformed
 * catalog-info.yaml files get errors that name the file, the field and the fix.
 *
 * @packageDocumentation
 */
export { catalogModuleInputGuard as default } from './module';
export { createGuardedEntityDataParser } from './GuardedEntityDataParser';
export { LocationTargetsProcessor } from './LocationTargetsProcessor';
export { readInputGuardOptions } from './options';
export { createProcessingProblemsRouter } from './router';
