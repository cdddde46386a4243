import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { DocsState, refOf } from '@internal/plugin-metadata-quality-common';

const CONCURRENCY = 8;
const RETRY_MS = 30_000;

/** The state of entities' TechDocs sites, for the `techdocsPresent` check with `built: true`. */
export interface DocsSites {
  /** States of the entities that have docs (lower-case refs); undefined when TechDocs does not answer. */
  statesAmong(entities: Entity[]): Promise<Map<string, DocsState> | undefined>;
  /** Refs whose build ended (built or failed) since the last call, to be scored again. */
  takeFinished(): string[];
}

/** A build error in words, without server paths or stack. */
export function buildFailureReason(message: string): string {
  const line = message
    .split('\n')[0]
    .replace(/(?:\/[^\s/'"`:;,)]+){2,}\/?/g, '<path>');
  return line.length > 200
    ? `${line.slice(0, 197)}...`
    : line || 'no reason given';
}

/** The last event of a TechDocs sync event stream: `finish` or `error`, with its data. */
export function lastSyncEvent(
  stream: string,
): { type: string; data: unknown } | undefined {
  const events = [...stream.matchAll(/event: (\w+)\ndata: (.*)\n/g)];
  const last = events[events.length - 1];
  if (!last) return undefined;
  try {
    return { type: last[1], data: JSON.parse(last[2]) };
  } catch {
    return { type: last[1], data: last[2] };
  }
}

/**
 * Asks the TechDocs backend whether each entity's site is in storage
 * (`GET /metadata/techdocs/:namespace/:kind/:name`, which never builds), and, with `buildMissing`,
 * builds the missing ones one at a time through TechDocs' own sync route (`GET /sync/...`, what the
 * reader calls when someone opens the docs), so newly registered entities get their docs without
 * anyone opening them. A failed build is not retried until the entity changes.
 */
export class TechDocsSites implements DocsSites {
  private warned = false;
  private readonly queue = new Map<string, Entity>();
  private readonly failed = new Map<
    string,
    { etag?: string; reason: string }
  >();
  private readonly finished = new Set<string>();
  private building = false;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      buildMissing: boolean;
      fetch?: typeof fetch;
    },
  ) {}

  private async request(path: string) {
    const baseUrl = await this.options.discovery.getBaseUrl('techdocs');
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: 'techdocs',
    });
    return (this.options.fetch ?? fetch)(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  private static sitePath(entity: Entity) {
    const { kind, metadata } = entity;
    return `${encodeURIComponent(
      metadata.namespace ?? 'default',
    )}/${encodeURIComponent(kind)}/${encodeURIComponent(metadata.name)}`;
  }

  private isBuilt(entity: Entity) {
    return this.request(
      `/metadata/techdocs/${TechDocsSites.sitePath(entity)}`,
    ).then(res => res.ok);
  }

  async statesAmong(
    entities: Entity[],
  ): Promise<Map<string, DocsState> | undefined> {
    const withDocs = entities.filter(
      e => e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    const states = new Map<string, DocsState>();
    if (withDocs.length === 0) return states;
    try {
      let next = 0;
      const worker = async () => {
        while (next < withDocs.length) {
          const entity = withDocs[next++];
          const ref = refOf(entity);
          if (await this.isBuilt(entity)) {
            this.failed.delete(ref);
            states.set(ref, { state: 'built' });
            continue;
          }
          const failure = this.failed.get(ref);
          if (failure && failure.etag === entity.metadata.etag) {
            states.set(ref, { state: 'failed', reason: failure.reason });
            continue;
          }
          this.failed.delete(ref);
          states.set(ref, { state: 'building' });
          if (this.options.buildMissing) this.queue.set(ref, entity);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      this.warned = false;
      this.drain();
      return states;
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

  takeFinished(): string[] {
    const refs = [...this.finished];
    this.finished.clear();
    return refs;
  }

  private drain() {
    if (this.building || this.queue.size === 0) return;
    this.building = true;
    const [ref, entity] = this.queue.entries().next().value!;
    this.queue.delete(ref);
    this.build(ref, entity)
      .catch(error =>
        this.options.logger.warn(
          `Could not build the TechDocs of ${ref}: ${error}`,
        ),
      )
      .finally(() => {
        this.building = false;
        this.drain();
      });
  }

  private async build(ref: string, entity: Entity) {
    const res = await this.request(`/sync/${TechDocsSites.sitePath(entity)}`);
    const event = lastSyncEvent(await res.text());
    if (!res.ok || event?.type === 'error') {
      const reason = buildFailureReason(
        typeof event?.data === 'string' ? event.data : `HTTP ${res.status}`,
      );
      this.failed.set(ref, { etag: entity.metadata.etag, reason });
      this.options.logger.info(`TechDocs build of ${ref} failed: ${reason}`);
    } else if (await this.isBuilt(entity)) {
      this.options.logger.info(`Built the TechDocs of ${ref}`);
    } else {
      // TechDocs checked this entity a moment ago (someone opened it) and did not build again: ask later.
      this.options.logger.debug(
        `TechDocs did not build ${ref} yet; asking again in 30 s`,
      );
      setTimeout(() => {
        this.queue.set(ref, entity);
        this.drain();
      }, RETRY_MS).unref?.();
      return;
    }
    this.finished.add(ref);
  }
}
