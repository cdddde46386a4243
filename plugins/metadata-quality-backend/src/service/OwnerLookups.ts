import { GroupRow } from '../database/QualityStore';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';

// How long an owner lookup serves incremental passes before it is prepared again.
const MAX_AGE_MS = 10_000;

/**
 * The owner lookup of the last 10 seconds, or a new one; `changed` holds the entities whose owner
 * verdict differs from the previous lookup's, so a resolved or new owner finding re-scores them.
 */
export class OwnerLookups {
  private last?: { lookup: OwnerLookup; loadedAt: number };

  constructor(
    private readonly options: {
      ownerValidator: OwnerValidator;
      loadGroups: () => Promise<GroupRow[]>;
    },
  ) {}

  /**
   * A lookup for these groups, or (without them) the recent one or one for the catalog's groups;
   * `fresh` prepares a new one whatever its age.
   */
  async current(
    groups?: GroupRow[],
    options: { fresh?: boolean } = {},
  ): Promise<{ lookup: OwnerLookup; changed: string[] }> {
    if (
      !groups &&
      !options.fresh &&
      this.last &&
      Date.now() - this.last.loadedAt < MAX_AGE_MS
    ) {
      return { lookup: this.last.lookup, changed: [] };
    }
    const refs = new Set(
      (groups ?? (await this.options.loadGroups())).map(g => g.groupRef),
    );
    const lookup = await this.options.ownerValidator.prepare({
      groupRefs: refs,
    });
    const changed = changedFingerprints(
      this.last?.lookup.fingerprints,
      lookup.fingerprints,
    );
    this.last = { lookup, loadedAt: Date.now() };
    return { lookup, changed };
  }
}

function changedFingerprints(
  before?: ReadonlyMap<string, string>,
  after?: ReadonlyMap<string, string>,
): string[] {
  const changed: string[] = [];
  if (before && after) {
    for (const [ref, print] of after) {
      if (before.get(ref) !== print) changed.push(ref);
    }
    for (const ref of before.keys()) {
      if (!after.has(ref)) changed.push(ref);
    }
  }
  return changed;
}
