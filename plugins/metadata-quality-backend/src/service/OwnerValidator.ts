import {
  normalizeRef,
  type CheckContext,
} from '@internal/plugin-metadata-quality-common';

/** Answers what is known about an entity's owner, for one evaluation run. */
export type OwnerLookup = Pick<CheckContext, 'ownerVerdict'> & {
  /**
   * A fingerprint of what the lookup says about each entity (lower-case ref to text); entities whose
   * fingerprint changed between two lookups are re-scored. Absent when the lookup has no per-entity state.
   */
  fingerprints?: ReadonlyMap<string, string>;
};

/**
 * Decides which owners are valid. The default accepts groups that exist in the catalog;
 * {@link OwnerValidationFindingsReader} asks the owner-validation plugin.
 */
export interface OwnerValidator {
  /** Called once per run with the catalog's groups (lowercase refs). */
  prepare(context: { groupRefs: ReadonlySet<string> }): Promise<OwnerLookup>;
}

/** Valid owners are existing Group entities. */
export class CatalogGroupOwnerValidator implements OwnerValidator {
  async prepare(context: {
    groupRefs: ReadonlySet<string>;
  }): Promise<OwnerLookup> {
    return {
      ownerVerdict: (_entityRef, ownerRef) => ({
        valid:
          !!ownerRef &&
          (!ownerRef.startsWith('group:') ||
            context.groupRefs.has(normalizeRef(ownerRef))),
      }),
    };
  }
}
