import { Entity } from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';

/**
 * Gives a User or Group without a `metadata.title` its `spec.profile.displayName` as title. The entity
 * page header names an entity by its title (else its name, `martin.keller`) while the About card and
 * entity links use the profile ("Martin Keller"): with the title set, every place agrees. A title the
 * entity sets itself is kept.
 */
export class ProfileTitleProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'ProfileTitleProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (entity.kind !== 'User' && entity.kind !== 'Group') return entity;
    const displayName = (
      entity.spec?.profile as { displayName?: unknown } | undefined
    )?.displayName;
    if (
      entity.metadata.title ||
      typeof displayName !== 'string' ||
      !displayName.trim()
    ) {
      return entity;
    }
    return {
      ...entity,
      metadata: { ...entity.metadata, title: displayName.trim() },
    };
  }
}
