import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckContext,
  createInitiativeChecker,
  EvaluationSummary,
  planEvaluation,
  QualityLevel,
  normalizeRef,
  QualityRule,
  refOf,
} from '@internal/plugin-metadata-quality-common';
import {
  ClaimedChange,
  hasReason,
  readAhead,
  staleChanges,
} from '@internal/backend-catalog-changes';
import { OWNER_FINDINGS_CHANGED_REASON } from '@internal/plugin-owner-validation-common';
import { GroupRow, QualityStore, ScoreRow } from '../database/QualityStore';
import { RunStore, RunTrigger } from '../database/RunStore';
import { VerificationStore } from '../database/VerificationStore';
import { ExemptionStore } from '../database/ExemptionStore';
import { InitiativeStore } from '../database/InitiativeStore';
import { loadCatalogGroups } from './catalogGroups';
import { DocsSites } from './TechDocsSites';
import { EntityFactsLoader, SharedFacts } from './EntityFactsLoader';
import { OwnerLookups } from './OwnerLookups';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';
import { rulesFingerprint, scoreRowOf } from './scoreRowOf';

export type { EvaluationSummary };

type InitiativeChecker = ReturnType<typeof createInitiativeChecker>;

/** Pages through the catalog, scores entities and stores the results. */
export class QualityEvaluator {
  private readonly pageSize: number;
  private readonly retentionDays: number;
  private readonly owners: OwnerLookups;
  private running?: Promise<EvaluationSummary>;
  private summariesStale = false;
  private summariesRefreshedAt = 0;
  private rerun = false;
  private readonly facts: EntityFactsLoader;
  private readonly fingerprint: string;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: QualityStore;
      /** Records full evaluations; without it they are not recorded. */
      runs?: RunStore;
      logger: LoggerService;
      rules: QualityRule[];
      levels: QualityLevel[];
      ownerValidator: OwnerValidator;
      docsSites?: DocsSites;
      /** Owners' confirmations; without it the `confirmed` check passes. */
      verification?: VerificationStore;
      /** Approved exemptions; without it no rule is exempt. */
      exemptions?: ExemptionStore;
      /** Initiatives, checked in the same pass; without it none are. */
      initiatives?: Pick<InitiativeStore, 'list' | 'recordProgress'>;
      retentionDays: number;
      pageSize?: number;
      now?: () => Date;
    },
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.retentionDays = options.retentionDays;
    this.facts = new EntityFactsLoader(options);
    this.fingerprint = rulesFingerprint(options.rules, options.levels);
    this.owners = new OwnerLookups({
      ownerValidator: options.ownerValidator,
      loadGroups: () => this.loadGroups(),
    });
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }

  private async loadGroups(): Promise<GroupRow[]> {
    return loadCatalogGroups({
      catalog: this.options.catalog,
      credentials: await this.options.auth.getOwnServiceCredentials(),
      pageSize: this.pageSize,
    });
  }

  private async initiativeChecker(): Promise<InitiativeChecker> {
    return createInitiativeChecker(
      (await this.options.initiatives?.list()) ?? [],
    );
  }

  /**
   * Scores `entities` and writes the rows that changed (with their history point); returns the
   * refs of those that have a score.
   */
  private async score(
    entities: Entity[],
    now: Date,
    lookup: OwnerLookup,
    initiatives: InitiativeChecker,
    shared?: SharedFacts,
  ) {
    const refs = entities.map(e => refOf(e));
    const [versions, docs, facts, confirmations, exempt] = await Promise.all([
      this.options.store.getVersions(refs),
      this.options.docsSites?.statesAmong(entities),
      this.facts.load(entities, shared),
      this.options.verification?.getConfirmations(refs),
      this.options.exemptions?.approvedFor(refs),
    ]);
    const docsState = docs ? (ref: string) => docs.get(ref) : undefined;
    const confirmation = confirmations
      ? (ref: string) => confirmations.get(ref)
      : undefined;
    const scored: string[] = [];
    const changed: ScoreRow[] = [];
    entities.forEach((entity, i) => {
      const previous = versions.get(refs[i]);
      const etag = entity.metadata.etag;
      const changedAt =
        previous && previous.etag === etag ? previous.changedAt : now;
      const context: CheckContext = {
        now,
        entityRef: refs[i],
        ownerVerdict: lookup.ownerVerdict,
        changedAt,
        docsState,
        facts: ref => facts.get(ref),
        confirmation,
        exemptions: ref => exempt?.get(ref) ?? [],
      };
      const evaluation = planEvaluation(
        entity,
        this.options.rules,
        this.options.levels,
        context,
      );
      if (evaluation.score === null) return;
      const row = scoreRowOf({
        entity,
        entityRef: refs[i],
        evaluation: { ...evaluation, score: evaluation.score },
        changedAt,
        initiatives: initiatives.check(entity, evaluation.results, context),
        rules: this.options.rules,
        fingerprint: this.fingerprint,
      });
      scored.push(refs[i]);
      // A row that says what the stored one says is not written again, nor its advice written.
      if (previous?.contentHash !== row.contentHash)
        changed.push(row.advised());
    });
    await this.options.store.upsertScores(changed, now);
    return scored;
  }

  /**
   * Scores every entity, removes deleted ones and records today's history. A call while this
   * replica runs one waits for that run; while another replica runs one it throws `ConflictError`.
   */
  evaluateAll(trigger: RunTrigger = 'manual'): Promise<EvaluationSummary> {
    if (!this.running) {
      this.running = this.recordedRun(trigger).finally(() => {
        this.running = undefined;
        if (this.rerun) this.evaluateAllSoon();
      });
    }
    return this.running;
  }

  /**
   * Starts a full evaluation without waiting for it (after an initiative changed); when one is
   * running it may have read the initiatives before the change, so another follows it.
   */
  evaluateAllSoon(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.rerun = false;
    this.evaluateAll('manual').catch(error =>
      this.options.logger.warn(
        'A full evaluation after an initiative changed did not run; the next scheduled one measures it',
        error,
      ),
    );
  }

  private async recordedRun(trigger: RunTrigger): Promise<EvaluationSummary> {
    const { runs, logger } = this.options;
    if (!runs) return this.evaluateAllOnce();
    return runs.run(trigger, logger, async runId => {
      const summary = await this.evaluateAllOnce();
      await runs.finish(runId, {
        entityCount: summary.evaluated,
        removedCount: summary.removed,
      });
      return { runId, ...summary };
    });
  }

  private async evaluateAllOnce(): Promise<EvaluationSummary> {
    const started = Date.now();
    const now = this.now();
    const groups = await this.loadGroups();
    await this.options.store.replaceGroups(groups);
    const { lookup } = await this.owners.current(groups);
    const initiatives = (await this.options.initiatives?.list()) ?? [];
    const checker = createInitiativeChecker(initiatives);
    // Every owner's systems and every API, read once for all pages.
    const shared = await this.facts.readShared();
    const seen = new Set<string>();
    // The catalog serves the next page while this one is scored and written.
    for await (const page of readAhead(
      this.options.catalog.streamEntities(
        { pageSize: this.pageSize },
        await this.credentials(),
      ),
    )) {
      for (const ref of await this.score(page, now, lookup, checker, shared)) {
        seen.add(ref);
      }
    }
    const evaluated = seen.size;
    const removed = await this.options.store.deleteUnseen(seen, now);
    await this.options.store.refreshSummaries();
    await this.options.store.recordGroupHistory(now, this.retentionDays);
    await this.options.initiatives?.recordProgress(initiatives, now);
    const summary = { evaluated, removed, durationMs: Date.now() - started };
    this.options.logger.info(
      `Scored ${evaluated} entities in ${summary.durationMs} ms, removed ${removed}`,
    );
    return summary;
  }

  /** Re-scores the named entities now (after a confirmation), with entities whose owner verdict changed. */
  async evaluateEntities(entityRefs: string[]): Promise<number> {
    const owners = await this.owners.current();
    const refs = [...new Set([...entityRefs, ...owners.changed])];
    const now = this.now();
    const checker = await this.initiativeChecker();
    let evaluated = 0;
    for (let i = 0; i < refs.length; i += this.pageSize) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + this.pageSize) },
        await this.credentials(),
      );
      evaluated += (
        await this.score(
          items.filter((e): e is Entity => !!e),
          now,
          owners.lookup,
          checker,
        )
      ).length;
    }
    if (evaluated > 0) await this.options.store.refreshSummaries();
    return evaluated;
  }

  /**
   * Re-scores the entities of a batch of catalog changes and drops those the catalog no longer
   * has; changes the catalog does not serve yet (queued before it stored the entity) come back in
   * `retry`. Entities whose owner verdict changed (an owner finding opened or resolved) are
   * re-scored with them; a change from owner validation reads the findings again.
   */
  async evaluateChanges(
    changes: ClaimedChange[],
  ): Promise<EvaluationSummary & { retry: ClaimedChange[] }> {
    const started = Date.now();
    const owners = await this.owners.current(undefined, {
      fresh: changes.some(c => hasReason(c, OWNER_FINDINGS_CHANGED_REASON)),
    });
    const refs = [
      ...new Set([
        ...changes.map(c => normalizeRef(c.entityRef)),
        ...owners.changed,
      ]),
    ];
    const found = new Map<string, Entity>();
    for (let i = 0; i < refs.length; i += this.pageSize) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + this.pageSize) },
        await this.credentials(),
      );
      items.forEach(e => e && found.set(refOf(e), e));
    }
    const retry = staleChanges(changes, ref => found.get(normalizeRef(ref)));
    const waiting = new Set(retry.map(c => normalizeRef(c.entityRef)));
    const gone = refs.filter(ref => !found.has(ref) && !waiting.has(ref));
    const removed = gone.length
      ? await this.options.store.deleteEntities(gone)
      : 0;
    const current = [...found.values()].filter(e => !waiting.has(refOf(e)));
    const evaluated = await this.scoreEntities(current, owners.lookup);
    if (evaluated > 0 || removed > 0) this.summariesStale = true;
    return { evaluated, removed, retry, durationMs: Date.now() - started };
  }

  /**
   * Refreshes the group roll-ups after changed entities were scored, at most once per
   * `minIntervalMs`: the roll-up reads every score, so a stream of small changes must not run it
   * per batch.
   */
  async refreshSummariesIfDue(minIntervalMs = 10_000): Promise<boolean> {
    if (!this.summariesStale) return false;
    if (Date.now() - this.summariesRefreshedAt < minIntervalMs) return false;
    this.summariesStale = false;
    this.summariesRefreshedAt = Date.now();
    await this.options.store.refreshSummaries();
    return true;
  }

  /** Re-scores the entities whose docs build ended since the last call (this replica builds them). */
  async evaluateFinishedDocs(): Promise<number> {
    const refs = this.options.docsSites?.takeFinished() ?? [];
    if (refs.length === 0) return 0;
    return this.evaluateEntities(refs);
  }

  private async scoreEntities(entities: Entity[], lookup: OwnerLookup) {
    if (entities.length === 0) return 0;
    const now = this.now();
    const checker = await this.initiativeChecker();
    let evaluated = 0;
    for (let i = 0; i < entities.length; i += this.pageSize) {
      evaluated += (
        await this.score(
          entities.slice(i, i + this.pageSize),
          now,
          lookup,
          checker,
        )
      ).length;
    }
    return evaluated;
  }
}
