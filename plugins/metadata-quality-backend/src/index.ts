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
export type { ScoreVersion } from './database/QualityStore';
export { CatalogGroupOwnerValidator } from './service/OwnerValidator';
export { DatabaseExemptionStore } from './database/DatabaseExemptionStore';
export type {
  ExemptionRequest,
  ExemptionStore,
} from './database/ExemptionStore';
export { DatabaseVerificationStore } from './database/DatabaseVerificationStore';
export type {
  ConfirmationRow,
  ScoredConfirmation,
  UnconfirmedEntity,
  VerificationStore,
} from './database/VerificationStore';
export { DatabaseInitiativeStore } from './database/DatabaseInitiativeStore';
export type {
  FailingOwner,
  InitiativeStore,
  StoredInitiative,
} from './database/InitiativeStore';
