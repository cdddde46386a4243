import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckContext,
  createInitiativeChecker,
  EvaluationSummary,
  evaluateEntity,
  QualityLevel,
  QualityRule,
  refOf,
} from '@internal/plugin-metadata-quality-common';
import { GroupRow, QualityStore, ScoreRow } from '../database/QualityStore';
import { RunStore, RunTrigger } from '../database/RunStore';
import { VerificationStore } from '../database/VerificationStore';
import { ExemptionStore } from '../database/ExemptionStore';
import { InitiativeStore } from '../database/InitiativeStore';
import { loadCatalogGroups } from './catalogGroups';
import { DocsSites } from './TechDocsSites';
import { EntityFactsLoader } from './EntityFactsLoader';
import { OwnerLookups } from './OwnerLookups';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';
import { scoreRowOf } from './scoreRowOf';

export type { EvaluationSummary };

type InitiativeChecker = ReturnType<typeof createInitiativeChecker>;

// Only what the etag comparison needs.
const VERSION_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/** Pages through the catalog, scores entities and stores the results. */
export class QualityEvaluator {
  private readonly pageSize: number;
  private readonly retentionDays: number;
  private readonly owners: OwnerLookups;
  // Entities no rule applies to are not stored; their etags keep incremental passes from re-reading them.
  private readonly unscored = new Map<string, string | undefined>();
  private running?: Promise<EvaluationSummary>;
  private rerun = false;
  private readonly facts: EntityFactsLoader;

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

  private async score(
    entities: Entity[],
    now: Date,
    lookup: OwnerLookup,
    initiatives: InitiativeChecker,
  ) {
    const refs = entities.map(e => refOf(e));
    const versions = await this.options.store.getVersions(refs);
    const [docs, facts, confirmations, exempt] = await Promise.all([
      this.options.docsSites?.statesAmong(entities),
      this.facts.load(entities),
      this.options.verification?.getConfirmations(refs),
      this.options.exemptions?.approvedFor(refs),
    ]);
    const docsState = docs ? (ref: string) => docs.get(ref) : undefined;
    const confirmation = confirmations
      ? (ref: string) => confirmations.get(ref)
      : undefined;
    const rows: ScoreRow[] = [];
    entities.forEach((entity, i) => {
      const previous = versions.get(refs[i]);
      const etag = entity.metadata.etag;
      const changedAt =
        previous && previous.etag === etag ? previous.changedAt : now;
      const context: CheckContext = {
        now,
        ownerVerdict: lookup.ownerVerdict,
        changedAt,
        docsState,
        facts: ref => facts.get(ref),
        confirmation,
        exemptions: ref => exempt?.get(ref) ?? [],
      };
      const evaluation = evaluateEntity(
        entity,
        this.options.rules,
        this.options.levels,
        context,
      );
      if (evaluation.score === null) {
        this.unscored.set(refs[i], etag);
        return;
      }
      this.unscored.delete(refs[i]);
      rows.push(
        scoreRowOf({
          entity,
          entityRef: refs[i],
          evaluation: { ...evaluation, score: evaluation.score },
          changedAt,
          initiatives: initiatives.check(entity, evaluation.results, context),
        }),
      );
    });
    await this.options.store.upsertScores(rows, now);
    return rows.length;
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
    let evaluated = 0;
    for await (const page of this.options.catalog.streamEntities(
      { pageSize: this.pageSize },
      await this.credentials(),
    )) {
      evaluated += await this.score(page, now, lookup, checker);
    }
    const removed = await this.options.store.deleteEvaluatedBefore(now);
    await this.options.store.refreshGroupSummaries();
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
      evaluated += await this.score(
        items.filter((e): e is Entity => !!e),
        now,
        owners.lookup,
        checker,
      );
    }
    if (evaluated > 0) await this.options.store.refreshGroupSummaries();
    return evaluated;
  }

  /**
   * Re-scores entities whose etag changed since they were last scored, whose owner verdict changed
   * (an owner finding opened or resolved) or whose docs build ended, and drops deleted ones. The
   * catalog publishes no entity-change events, so this runs on a short interval instead.
   */
  async evaluateChanged(): Promise<EvaluationSummary> {
    const started = Date.now();
    const stored = await this.options.store.getVersions();
    const changed = new Set<string>();
    const seen = new Set<string>();
    for await (const page of this.options.catalog.streamEntities(
      { fields: VERSION_FIELDS, pageSize: 5000 },
      await this.credentials(),
    )) {
      for (const entity of page) {
        const ref = refOf(entity);
        seen.add(ref);
        const known = stored.has(ref)
          ? stored.get(ref)?.etag
          : this.unscored.get(ref);
        if (known !== entity.metadata.etag) changed.add(ref);
      }
    }
    const gone = [...stored.keys()].filter(ref => !seen.has(ref));
    const removed = gone.length
      ? await this.options.store.deleteEntities(gone)
      : 0;
    const owners = await this.owners.current();
    for (const ref of [
      ...owners.changed,
      ...(this.options.docsSites?.takeFinished() ?? []),
    ]) {
      if (seen.has(ref)) changed.add(ref);
    }
    let evaluated = 0;
    if (changed.size > 0) {
      const refs = [...changed];
      const now = this.now();
      const checker = await this.initiativeChecker();
      for (let i = 0; i < refs.length; i += this.pageSize) {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs: refs.slice(i, i + this.pageSize) },
          await this.credentials(),
        );
        evaluated += await this.score(
          items.filter((e): e is Entity => !!e),
          now,
          owners.lookup,
          checker,
        );
      }
    }
    if (evaluated > 0 || removed > 0) {
      await this.options.store.refreshGroupSummaries();
    }
    return { evaluated, removed, durationMs: Date.now() - started };
  }
}
