import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  createOwnerChecker,
  OwnerCheckOptions,
  OwnerChecker,
} from '@internal/plugin-owner-validation-common';

/** Reads the catalog's users and groups; the processor keeps the answer for a while. */
export type OrgReader = () => Promise<Entity[]>;

/**
 * With `ownerValidation.strict`, refuses an entity whose owner has an error finding: missing or
 * malformed, unknown, departed, or an empty group, judged against the users and groups already in
 * the catalog (read at most once a minute, the org graph built once per read). A new entity is then never stored, and the catalog shows
 * the reason on its location. An owner registered together with the entity is accepted on a later
 * processing pass, once the owner itself is in the catalog.
 */
export class StrictOwnerProcessor implements CatalogProcessor {
  private org?: { checker: OwnerChecker; readAt: number };
  // Without the org (catalog unreachable) only the owner reference itself can be judged.
  private readonly refsOnly: OwnerChecker;

  constructor(
    private readonly checkOptions: Pick<
      OwnerCheckOptions,
      'severities' | 'departedMarker'
    >,
    private readonly readOrg: OrgReader,
    private readonly onOrgError: (error: unknown) => void,
    private readonly maxAgeMs = 60_000,
    private readonly minRereadMs = 5_000,
  ) {
    this.refsOnly = createOwnerChecker([], {
      ...checkOptions,
      severities: {
        ...checkOptions.severities,
        ownerNotFound: 'off',
        ownerRefused: 'off',
        departedUser: 'off',
        emptyGroup: 'off',
        userOwner: 'off',
      },
    });
  }

  getProcessorName(): string {
    return 'StrictOwnerProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (entity.kind === 'User' || entity.kind === 'Group') {
      return entity;
    }
    let finding = await this.check(entity, await this.currentOrg());
    // The owner may have been stored since the org was read (a new team registered with its
    // services): read it again, at most every few seconds, before refusing.
    if (
      finding?.severity === 'error' &&
      this.org &&
      Date.now() - this.org.readAt > this.minRereadMs
    ) {
      this.org = undefined;
      finding = await this.check(entity, await this.currentOrg());
    }
    if (finding?.severity === 'error') {
      throw new InputError(
        `Owner check refused '${finding.entityRef}': ${finding.message}${
          finding.suggestedOwner
            ? `; suggested owner '${finding.suggestedOwner}'`
            : ''
        } (ownerValidation.strict is on)`,
      );
    }
    return entity;
  }

  private async check(entity: Entity, checker: OwnerChecker | undefined) {
    return (checker ?? this.refsOnly).check(entity);
  }

  private async currentOrg(): Promise<OwnerChecker | undefined> {
    if (this.org && Date.now() - this.org.readAt < this.maxAgeMs) {
      return this.org.checker;
    }
    try {
      const checker = createOwnerChecker(
        await this.readOrg(),
        this.checkOptions,
      );
      this.org = { checker, readAt: Date.now() };
      return checker;
    } catch (error) {
      this.onOrgError(error);
      return this.org?.checker;
    }
  }
}
