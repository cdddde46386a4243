import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  checkOwners,
  createOwnerChecker,
  entityRefOf,
  OWNED_KINDS,
  OwnerFinding,
  userTeams,
} from '@internal/plugin-owner-validation-common';
import {
  ClaimedChange,
  filterChunks,
  isOnlyRelated,
  readAhead,
  staleChanges,
} from '@internal/backend-catalog-changes';
import { affectedOwners } from './affectedOwners';
import { OrgSnapshot } from './OrgSnapshot';
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

const PAGE_SIZE = 500;
const ORG_REF = /^(user|group):/;
const OWNED_REF = new RegExp(
  `^(${OWNED_KINDS.map(k => k.toLocaleLowerCase('en-US')).join('|')}):`,
);

/** The result of one check run. */
export interface OwnerCheckSummary extends Omit<CheckRunResult, 'changedRefs'> {
  /** The id of the recorded run (`GET /runs`). */
  runId: number;
  entityCount: number;
  notified: number;
  durationMs: number;
}

/** Runs the full ownership check: reads the catalog, computes findings, stores them, notifies. */
export class OwnerCheckRunner {
  private running?: Promise<OwnerCheckSummary>;
  private readonly org: OrgSnapshot;

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
      /** Told which entities' findings changed (metadata quality re-scores them). */
      onFindingsChanged?: (entityRefs: string[]) => Promise<void>;
      /**
       * The version of the catalog's users and groups (the change queue's `kindsVersion`): the
       * re-check of changes reads them again only when it changed. Without it, every batch reads them.
       */
      orgVersion?: () => Promise<string>;
    },
  ) {
    this.org = new OrgSnapshot({
      read: () => this.readCatalog(['User', 'Group']),
      version: options.orgVersion,
    });
  }

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
    // The org first, then the owned entities page by page, each checked as it arrives: the run
    // never holds the whole catalog.
    const org = await this.readCatalog(['User', 'Group']);
    const checker = createOwnerChecker(org, {
      severities: config.severities,
      departedMarker: config.departedMarker,
      lastKnownTeams: await store.getLastKnownTeams(),
      refusedOwners: await this.refusedOwners(),
    });
    const findings: OwnerFinding[] = [];
    let entityCount = org.length;
    // The catalog serves the next page while this one is checked.
    for await (const page of readAhead(this.streamOwned())) {
      entityCount += page.length;
      for (const entity of page) {
        try {
          const finding = checker.check(entity);
          if (finding) findings.push(finding);
        } catch (error) {
          logger.warn(
            `Could not check the owner of '${entityRefOf(entity)}'`,
            error as Error,
          );
        }
      }
    }
    const { changedRefs, ...result } = await store.recordRun({
      runId,
      findings,
      userTeams: userTeams(org),
      entityCount,
      startedAt,
      finishedAt: new Date(),
    });
    await this.findingsChanged(changedRefs);
    const notified = notifier ? await notifier.notifyNewFindings() : 0;
    const durationMs = Date.now() - startedAt.getTime();
    logger.info(
      `Ownership check of ${entityCount} entities: ${result.open} open findings, ${result.opened} new, ${result.resolved} resolved, ${notified} notified in ${durationMs} ms`,
    );
    return {
      runId,
      ...result,
      entityCount,
      notified,
      durationMs,
    };
  }

  private async findingsChanged(entityRefs: string[]) {
    if (entityRefs.length === 0 || !this.options.onFindingsChanged) return;
    try {
      await this.options.onFindingsChanged(entityRefs);
    } catch (error) {
      this.options.logger.warn(
        `Could not tell metadata quality about ${entityRefs.length} changed owner findings; its nightly evaluation will: ${error}`,
      );
    }
  }

  /**
   * Checks again the entities of a batch of catalog changes: changed owned entities, and the
   * entities owned by changed users and groups or by groups whose emptiness they may change. Reads
   * the users and groups (not the catalog) and the affected entities; changes the catalog does not
   * serve yet come back in `retry`.
   */
  async checkChanges(changes: ClaimedChange[]): Promise<{
    checked: number;
    opened: number;
    resolved: number;
    retry: ClaimedChange[];
  }> {
    const { store, config, logger, notifier } = this.options;
    const at = new Date();
    // Queued refs are lower case already (the queue's contract): used as they are.
    const refs = [...new Set(changes.map(c => c.entityRef))];
    const owned = refs.filter(ref => OWNED_REF.test(ref));
    // Whole entities, as the processor hashed them, to tell a change the catalog serves yet.
    const found = await this.readByRefs(
      refs.filter(ref => OWNED_REF.test(ref) || ORG_REF.test(ref)),
    );
    const retry = staleChanges(changes, ref => found.get(ref));
    const waiting = new Set(retry.map(c => c.entityRef));
    const org = await this.org.current(
      found,
      refs.filter(ref => ORG_REF.test(ref) && !waiting.has(ref)),
    );
    // A user or group change the catalog does not serve yet: the kept org may miss it too.
    if ([...waiting].some(ref => ORG_REF.test(ref))) this.org.forget();
    const lastKnownTeams = await store.getLastKnownTeams();
    // A user or group queued only because another entity names it (`related`: a component now
    // owned by a team, a user joining it) is itself unchanged, and so is the verdict on what it
    // owns; the change of the entity naming it is queued too. Re-checking everything a team owns
    // for each of them cost a re-check of the team's whole estate per file while ingesting.
    const ownChanges = new Set(
      changes.filter(c => !isOnlyRelated(c)).map(c => c.entityRef),
    );
    const owners = affectedOwners(
      refs.filter(ref => ownChanges.has(ref) && !waiting.has(ref)),
      org,
      lastKnownTeams,
    );
    const entities = new Map(
      [...found].filter(([ref]) => OWNED_REF.test(ref) && !waiting.has(ref)),
    );
    for (const entity of await this.readOwnedBy(owners)) {
      const ref = entityRefOf(entity);
      if (ref && !waiting.has(ref)) entities.set(ref, entity);
    }
    const checker = createOwnerChecker(org, {
      severities: config.severities,
      departedMarker: config.departedMarker,
      lastKnownTeams,
      refusedOwners: await this.refusedOwners(),
    });
    const findings: OwnerFinding[] = [];
    for (const [ref, entity] of entities) {
      try {
        const finding = checker.check(entity);
        if (finding) findings.push(finding);
      } catch (error) {
        logger.warn(`Could not check the owner of '${ref}'`, error as Error);
      }
    }
    // Owned entities gone from the catalog: their findings are resolved.
    const gone = owned.filter(ref => !found.has(ref) && !waiting.has(ref));
    const changedUsers = new Set(refs.filter(ref => ref.startsWith('user:')));
    const teams = changedUsers.size
      ? userTeams(org, changedUsers)
      : new Map<string, string[]>();
    const result = await store.recordEntities({
      entityRefs: [...entities.keys(), ...gone],
      findings,
      userTeams: teams,
      at,
    });
    await this.findingsChanged(result.changedRefs);
    if (notifier && result.opened > 0) await notifier.notifyNewFindings();
    if (result.opened || result.resolved) {
      logger.info(
        `Ownership re-check of ${entities.size} changed entities: ${result.opened} new findings, ${result.resolved} resolved`,
      );
    }
    return {
      checked: entities.size + gone.length,
      opened: result.opened,
      resolved: result.resolved,
      retry,
    };
  }

  private async readByRefs(refs: string[]): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (let i = 0; i < refs.length; i += PAGE_SIZE) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + PAGE_SIZE) },
        { credentials },
      );
      for (const item of items) {
        const ref = item && entityRefOf(item);
        if (ref) found.set(ref, item);
      }
    }
    return found;
  }

  /** Owned entities whose owner is among `owners`, by the catalog's ownedBy relation. */
  private async readOwnedBy(owners: Set<string>): Promise<Entity[]> {
    const entities: Entity[] = [];
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (const chunk of filterChunks('relations.ownedBy', [...owners])) {
      for await (const page of this.options.catalog.streamEntities(
        {
          filter: { 'relations.ownedBy': chunk },
          fields: FIELDS,
        },
        { credentials },
      )) {
        entities.push(
          ...page.filter(e => OWNED_REF.test(entityRefOf(e) ?? '')),
        );
      }
    }
    return entities;
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

  /** Entities of the given kinds, the fields the check reads, page by page. */
  private async *streamCatalog(kinds: string[]): AsyncGenerator<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    yield* catalog.streamEntities(
      { filter: { kind: kinds }, fields: FIELDS },
      { credentials },
    );
  }

  /**
   * The owned entities, page by page. The catalog is read whole and other kinds are skipped here:
   * the catalog matches each page of a kind filter against every entity of those kinds again, so a
   * filtered read grows faster than the catalog (at 100,000 entities on 2 vCPU: 26.8 s filtered in
   * pages of 500, 8.2 s whole in pages of 1,000), while a whole read walks its ids once. Whole
   * entities, not `fields`: the catalog sends stored entities as they are, but parses each one to
   * pick fields (4 s of a 10 s check at 100,000; 7.1 s whole). The org, a few thousand entities,
   * is read with its filter and fields.
   */
  private async *streamOwned(): AsyncGenerator<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    for await (const page of catalog.streamEntities(
      { pageSize: 1000 },
      { credentials },
    )) {
      yield page.filter(e => OWNED_REF.test(entityRefOf(e) ?? ''));
    }
  }

  /** Entities of the given kinds, all of them. */
  private async readCatalog(kinds: string[]): Promise<Entity[]> {
    const entities: Entity[] = [];
    for await (const page of this.streamCatalog(kinds)) entities.push(...page);
    return entities;
  }
}
