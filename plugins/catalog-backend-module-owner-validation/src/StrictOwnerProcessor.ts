import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  checkOwners,
  OwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';

/** Reads the catalog's users and groups; the processor keeps the answer for a while. */
export type OrgReader = () => Promise<Entity[]>;

/**
 * With `ownerValidation.strict`, refuses an entity whose owner has an error finding: missing or
 * malformed, unknown, departed, or an empty group, judged against the users and groups already in
 * the catalog (read at most once a minute). A new entity is then never stored, and the catalog shows
 * the reason on its location. An owner registered together with the entity is accepted on a later
 * processing pass, once the owner itself is in the catalog.
 */
export class StrictOwnerProcessor implements CatalogProcessor {
  private org?: { entities: Entity[]; readAt: number };

  constructor(
    private readonly checkOptions: Pick<
      OwnerCheckOptions,
      'severities' | 'departedMarker'
    >,
    private readonly readOrg: OrgReader,
    private readonly onOrgError: (error: unknown) => void,
    private readonly maxAgeMs = 60_000,
    private readonly minRereadMs = 5_000,
  ) {}

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

  private async check(entity: Entity, org: Entity[] | undefined) {
    const ref = stringifyEntityRef(entity);
    const others = org
      ? org.filter(e => stringifyEntityRef(e) !== ref)
      : undefined;
    const [finding] = checkOwners([entity, ...(others ?? [])], {
      ...this.checkOptions,
      // Without the org (catalog unreachable) only the owner reference itself can be judged.
      severities: others
        ? this.checkOptions.severities
        : {
            ...this.checkOptions.severities,
            ownerNotFound: 'off',
            ownerRefused: 'off',
            departedUser: 'off',
            emptyGroup: 'off',
            userOwner: 'off',
          },
    }).filter(f => f.entityRef === ref);
    return finding;
  }

  private async currentOrg(): Promise<Entity[] | undefined> {
    if (this.org && Date.now() - this.org.readAt < this.maxAgeMs) {
      return this.org.entities;
    }
    try {
      this.org = { entities: await this.readOrg(), readAt: Date.now() };
      return this.org.entities;
    } catch (error) {
      this.onOrgError(error);
      return this.org?.entities;
    }
  }
}
