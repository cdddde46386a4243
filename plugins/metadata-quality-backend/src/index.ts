/**
 * The metadata quality backend plugin.
 *
 * @packageDocumentation
 */
export { metadataQualityPlugin as default } from './plugin';
export type { OwnerValidator, OwnerLookup } from './service/OwnerValidator';
// The evaluator and its store, driven directly by the benchmark (bench/metadata-quality.mjs).
export { QualityEvaluator } from './service/QualityEvaluator';
export { DatabaseQualityStore } from './database/DatabaseQualityStore';
export { CatalogGroupOwnerValidator } from './service/OwnerValidator';
export { DatabaseInitiativeStore } from './database/DatabaseInitiativeStore';
export type {
  FailingOwner,
  InitiativeStore,
  StoredInitiative,
} from './database/InitiativeStore';
