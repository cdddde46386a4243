import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import { LocalGitRepositories } from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * One `file` Location entity for the catalog-info.yaml of every checkout under the local git root,
 * shaped like the catalog's own config locations. The catalog's API accepts only `url` locations;
 * a provider keeps the `file` ones confined to this folder.
 */
export class LocalGitEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(private readonly repositories: LocalGitRepositories) {}

  getProviderName() {
    return 'LocalGitEntityProvider';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
    await this.refresh();
  }

  /** Replaces the provider's locations with those of the checkouts now on disk. */
  async refresh() {
    if (!this.connection) return;
    const entities = [];
    for (const name of await this.repositories.list()) {
      const target = path.join(
        this.repositories.paths(name).checkout,
        'catalog-info.yaml',
      );
      try {
        await fs.access(target);
      } catch {
        continue;
      }
      const entity = locationSpecToLocationEntity({
        location: { type: 'file', target },
      });
      entities.push({ entity, locationKey: `file:${target}` });
    }
    await this.connection.applyMutation({ type: 'full', entities });
  }
}
