import type { CheckContext } from '@internal/plugin-metadata-quality-common';

/** Answers whether an entity's owner is valid (and why not), for one evaluation run. */
export type OwnerLookup = Pick<CheckContext, 'isValidOwner' | 'ownerProblem'>;

/**
 * Decides which owners are valid. The default accepts groups that exist in the catalog;
 * {@link OwnerValidationFindingsValidator} asks the owner-validation plugin.
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
      isValidOwner: ownerRef =>
        context.groupRefs.has(ownerRef.toLocaleLowerCase('en-US')),
    };
  }
}
