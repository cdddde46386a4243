import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

const CONCURRENCY = 8;

/** Which entities' TechDocs sites are built, for the `techdocsPresent` check with `built: true`. */
export interface DocsBuildStatus {
  /** Lower-case refs of the built sites among the entities; undefined when TechDocs does not answer. */
  builtAmong(entities: Entity[]): Promise<Set<string> | undefined>;
}

/**
 * Asks the TechDocs backend for each entity with a techdocs-ref whether its site's metadata is in
 * storage (`GET /metadata/techdocs/:namespace/:kind/:name`, which never starts a build).
 */
export class TechDocsBuildStatus implements DocsBuildStatus {
  private warned = false;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      fetch?: typeof fetch;
    },
  ) {}

  async builtAmong(entities: Entity[]): Promise<Set<string> | undefined> {
    const withDocs = entities.filter(
      e => e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    const built = new Set<string>();
    if (withDocs.length === 0) return built;
    try {
      const baseUrl = await this.options.discovery.getBaseUrl('techdocs');
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'techdocs',
      });
      const doFetch = this.options.fetch ?? fetch;
      let next = 0;
      const worker = async () => {
        while (next < withDocs.length) {
          const entity = withDocs[next++];
          const { kind, metadata } = entity;
          const url = `${baseUrl}/metadata/techdocs/${encodeURIComponent(
            metadata.namespace ?? 'default',
          )}/${encodeURIComponent(kind)}/${encodeURIComponent(metadata.name)}`;
          const res = await doFetch(url, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (res.ok) {
            built.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return built;
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.options.logger.warn(
          `TechDocs did not answer; 'built' is not checked until it does: ${error}`,
        );
      }
      return undefined;
    }
  }
}
