import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  checkOwners,
  OWNED_KINDS,
  userTeams,
} from '@internal/plugin-owner-validation-common';
import { CheckRunResult, FindingsStore } from '../database/FindingsStore';
import { OwnerValidationConfig } from '../config';
import { FindingsNotifier } from './FindingsNotifier';

const PAGE_SIZE = 500;

// Only what the check reads: keeps the pages small.
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec.owner',
  'spec.memberOf',
  'spec.parent',
  'spec.children',
  'spec.members',
  'relations',
];

/** The result of one check run. */
export interface OwnerCheckSummary extends CheckRunResult {
  entityCount: number;
  notified: number;
  durationMs: number;
}

/** Runs the full ownership check: reads the catalog, computes findings, stores them, notifies. */
export class OwnerCheckRunner {
  private running?: Promise<OwnerCheckSummary>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: FindingsStore;
      logger: LoggerService;
      config: OwnerValidationConfig;
      notifier?: FindingsNotifier;
    },
  ) {}

  /** Runs the check; a call while a run is in progress waits for that run. */
  run(): Promise<OwnerCheckSummary> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async runOnce(): Promise<OwnerCheckSummary> {
    const { store, logger, config, notifier } = this.options;
    const startedAt = new Date();
    const entities = await this.readCatalog();
    const lastKnownTeams = await store.getLastKnownTeams();
    const findings = checkOwners(entities, {
      severities: config.severities,
      departedMarker: config.departedMarker,
      lastKnownTeams,
      onError: (entityRef, error) =>
        logger.warn(
          `Could not check the owner of '${entityRef}'`,
          error as Error,
        ),
    });
    const result = await store.recordRun({
      findings,
      userTeams: userTeams(entities),
      entityCount: entities.length,
      startedAt,
      finishedAt: new Date(),
    });
    const notified = notifier ? await notifier.notifyNewFindings() : 0;
    const durationMs = Date.now() - startedAt.getTime();
    logger.info(
      `Ownership check of ${entities.length} entities: ${result.open} open findings, ${result.opened} new, ${result.resolved} resolved, ${notified} notified in ${durationMs} ms`,
    );
    return { ...result, entityCount: entities.length, notified, durationMs };
  }

  /** Owned entities plus users and groups, page by page with a cursor. */
  private async readCatalog(): Promise<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const response = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: FIELDS }
          : {
              filter: { kind: [...OWNED_KINDS, 'User', 'Group'] },
              limit: PAGE_SIZE,
              fields: FIELDS,
            },
        { credentials },
      );
      entities.push(...response.items);
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }
}
