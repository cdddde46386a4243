import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  checkOwners,
  entityRefOf,
  OWNED_KINDS,
  OwnerFinding,
  userTeams,
} from '@internal/plugin-owner-validation-common';
import {
  CheckRunResult,
  FindingsStore,
  RunTrigger,
} from '../database/FindingsStore';
import { OwnerValidationConfig } from '../config';
import { FindingsNotifier } from './FindingsNotifier';

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
  /** The id of the recorded run (`GET /runs`). */
  runId: number;
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
      /** Users and groups the catalog refused, ref to file; without it none are known. */
      readRefusedOwners?: () => Promise<Map<string, string>>;
    },
  ) {}

  /** Refused owners; an unreadable list only costs the better message, never the run. */
  private async refusedOwners(): Promise<Map<string, string>> {
    try {
      return (await this.options.readRefusedOwners?.()) ?? new Map();
    } catch (error) {
      this.options.logger.warn(
        `Could not read the catalog's processing problems, so refused owners are reported as not found: ${error}`,
      );
      return new Map();
    }
  }

  /**
   * Runs the check; a call while a run is in progress here waits for that run. While another
   * replica runs one it throws `ConflictError`.
   */
  run(trigger: RunTrigger = 'manual'): Promise<OwnerCheckSummary> {
    if (!this.running) {
      this.running = this.recordedRun(trigger).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private recordedRun(trigger: RunTrigger): Promise<OwnerCheckSummary> {
    const { store, logger } = this.options;
    return store.runLeased(trigger, logger, runId => this.runOnce(runId));
  }

  private async runOnce(runId: number): Promise<OwnerCheckSummary> {
    const { store, logger, config, notifier } = this.options;
    const startedAt = new Date();
    const entities = await this.readCatalog();
    const lastKnownTeams = await store.getLastKnownTeams();
    const findings = checkOwners(entities, {
      severities: config.severities,
      departedMarker: config.departedMarker,
      lastKnownTeams,
      refusedOwners: await this.refusedOwners(),
      onError: (entityRef, error) =>
        logger.warn(
          `Could not check the owner of '${entityRef}'`,
          error as Error,
        ),
    });
    const result = await store.recordRun({
      runId,
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
    return {
      runId,
      ...result,
      entityCount: entities.length,
      notified,
      durationMs,
    };
  }

  /**
   * Checks the owners of entities not (yet) in the catalog against the catalog's current users
   * and groups, storing nothing. Findings are listed per given entity, in the given order.
   */
  async checkEntities(
    entities: Entity[],
  ): Promise<Array<{ entityRef: string; findings: OwnerFinding[] }>> {
    const { store, config } = this.options;
    const org = await this.readCatalog(['User', 'Group']);
    const refs = entities.map(e => entityRefOf(e) ?? '');
    const submitted = new Set(refs);
    // A submitted entity replaces its catalog copy (a User or Group being re-registered).
    const findings = checkOwners(
      [...org.filter(e => !submitted.has(entityRefOf(e) ?? '')), ...entities],
      {
        severities: config.severities,
        departedMarker: config.departedMarker,
        lastKnownTeams: await store.getLastKnownTeams(),
        refusedOwners: await this.refusedOwners(),
      },
    );
    return refs.map(entityRef => ({
      entityRef,
      findings: findings.filter(f => f.entityRef === entityRef),
    }));
  }

  /** Entities of the given kinds (default: owned kinds, users and groups), streamed page by page. */
  private async readCatalog(
    kinds: string[] = [...OWNED_KINDS, 'User', 'Group'],
  ): Promise<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of catalog.streamEntities(
      { filter: { kind: kinds }, fields: FIELDS },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }
}
