/** Answers whether an owner reference is valid, for one evaluation run. */
export type OwnerLookup = (ownerRef: string) => boolean;

/**
 * Decides which owners are valid. The default accepts groups that exist in the catalog; the
 * owner-validation plugin can supply its own through `createQualityEvaluator`.
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
    return ownerRef =>
      context.groupRefs.has(ownerRef.toLocaleLowerCase('en-US'));
  }
}
