import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  LdapOrgEntityProvider,
  LdapProviderConfig,
} from '@backstage/plugin-catalog-backend-module-ldap';
import type {
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { explainSyncError } from './explainSyncError';

/** A full read with no users in it: applying it would delete every person from the catalog. */
export class EmptyDirectoryReadError extends Error {
  name = 'EmptyDirectoryReadError';
}

/**
 * Refuses a full mutation without a single User: a wrong base DN or filter, or a directory that
 * answers with nothing, must not remove everyone (the catalog deletes what a full mutation lacks).
 */
export function guardAgainstEmptyRead(
  connection: EntityProviderConnection,
  provider: Pick<LdapProviderConfig, 'id' | 'users'>,
): EntityProviderConnection {
  return {
    async applyMutation(mutation: EntityProviderMutation) {
      if (
        mutation.type === 'full' &&
        !mutation.entities.some(e => e.entity.kind === 'User')
      ) {
        const key = `catalog.providers.ldapOrg.${provider.id}.users`;
        throw new EmptyDirectoryReadError(
          `The directory returned no users under ${provider.users
            .map(u => `'${u.dn}'`)
            .join(', ')}: check ${key}.dn and ${key}.options.filter`,
        );
      }
      await connection.applyMutation(mutation);
    },
    refresh: options => connection.refresh(options),
  };
}

/**
 * The stock {@link LdapOrgEntityProvider} (read manually), scheduled here so that a failed sync
 * is logged in words naming the setting, and guarded against empty reads. It keeps the stock
 * provider's name, so its entities are the same source as with the stock module.
 */
export class DirectoryOrgProvider implements EntityProvider {
  constructor(
    private readonly stock: LdapOrgEntityProvider,
    private readonly options: {
      provider: LdapProviderConfig;
      schedule: SchedulerServiceTaskRunner;
      logger: LoggerService;
    },
  ) {}

  getProviderName(): string {
    return this.stock.getProviderName();
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await this.stock.connect(
      guardAgainstEmptyRead(connection, this.options.provider),
    );
    await this.options.schedule.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.sync();
      },
    });
  }

  /** One sync: reads the directory and replaces the provider's users and groups, or logs why not. */
  async sync(): Promise<boolean> {
    const logger = this.options.logger.child({
      provider: this.getProviderName(),
    });
    const started = Date.now();
    try {
      await this.stock.read({ logger });
      logger.info(
        `Directory sync '${this.options.provider.id}' succeeded in ${(
          (Date.now() - started) /
          1000
        ).toFixed(1)} s`,
      );
      return true;
    } catch (error) {
      logger.error(
        `Directory sync '${
          this.options.provider.id
        }' failed: ${explainSyncError(error, this.options.provider)}`,
      );
      return false;
    }
  }
}
