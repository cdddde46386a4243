import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  checkOwners,
  OwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';

/**
 * Refuses an entity whose owner is missing or not a valid User or Group reference, when that
 * finding type is an error. Whether the owner exists, has left or has members is not judged
 * here: one entity at a time the catalog cannot know, and those stay findings of the
 * owner-validation plugin.
 */
export class StrictOwnerProcessor implements CatalogProcessor {
  constructor(
    private readonly checkOptions: Pick<
      OwnerCheckOptions,
      'severities' | 'departedMarker'
    >,
  ) {}

  getProcessorName(): string {
    return 'StrictOwnerProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    const [finding] = checkOwners([entity], {
      ...this.checkOptions,
      severities: {
        ...this.checkOptions.severities,
        ownerNotFound: 'off',
        departedUser: 'off',
        emptyGroup: 'off',
        userOwner: 'off',
      },
    });
    if (finding?.severity === 'error') {
      throw new InputError(`${finding.message} (ownerValidation.strict is on)`);
    }
    return entity;
  }
}
