import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluateEntity,
  ownerRefOf,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';
import { GroupRow, QualityStore, ScoreRow } from '../database/QualityStore';
import { RunStore, RunTrigger } from '../database/RunStore';
import { DocsBuildStatus } from './TechDocsBuildStatus';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';

/** What a run did. */
export interface EvaluationSummary {
  /** The id of the recorded full evaluation (`GET /runs`). */
  runId?: number;
  evaluated: number;
  removed: number;
  durationMs: number;
}

// The catalog wants `fields` again with every cursor request.
const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.parent',
  'spec.profile.displayName',
];
const VERSION_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Pages through the catalog, scores entities and stores the results. */
export class QualityEvaluator {
  private readonly pageSize: number;
  private readonly retentionDays: number;
  private owners?: { lookup: OwnerLookup; loadedAt: number };
  // Entities no rule applies to are not stored; their etags keep incremental passes from re-reading them.
  private readonly unscored = new Map<string, string | undefined>();
  private running?: Promise<EvaluationSummary>;

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
      docsStatus?: DocsBuildStatus;
      retentionDays: number;
      pageSize?: number;
      now?: () => Date;
    },
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.retentionDays = options.retentionDays;
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  private async credentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }

  private async loadGroups(): Promise<GroupRow[]> {
    const groups: GroupRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.pageSize, fields: GROUP_FIELDS }
          : {
              filter: { kind: 'group' },
              fields: GROUP_FIELDS,
              limit: this.pageSize,
            },
        await this.credentials(),
      );
      for (const group of page.items) {
        const parent = ownerRefOf({
          ...group,
          spec: { owner: group.spec?.parent },
        } as Entity);
        groups.push({
          groupRef: lower(stringifyEntityRef(group)),
          ...(parent ? { parentRef: parent } : {}),
          title:
            (group.spec?.profile as { displayName?: string } | undefined)
              ?.displayName ?? group.metadata.title,
        });
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return groups;
  }

  private async ownerLookup(groups?: GroupRow[]): Promise<OwnerLookup> {
    // Incremental passes reuse the groups of the last minute rather than re-reading them.
    if (!groups && this.owners && Date.now() - this.owners.loadedAt < 60_000) {
      return this.owners.lookup;
    }
    const refs = new Set(
      (groups ?? (await this.loadGroups())).map(g => g.groupRef),
    );
    const lookup = await this.options.ownerValidator.prepare({
      groupRefs: refs,
    });
    this.owners = { lookup, loadedAt: Date.now() };
    return lookup;
  }

  private async score(entities: Entity[], now: Date, lookup: OwnerLookup) {
    const refs = entities.map(e => lower(stringifyEntityRef(e)));
    const versions = await this.options.store.getVersions(refs);
    const built = await this.options.docsStatus?.builtAmong(entities);
    const isDocsBuilt = built ? (ref: string) => built.has(ref) : undefined;
    const rows: ScoreRow[] = [];
    entities.forEach((entity, i) => {
      const previous = versions.get(refs[i]);
      const etag = entity.metadata.etag;
      const changedAt =
        previous && previous.etag === etag ? previous.changedAt : now;
      const evaluation = evaluateEntity(
        entity,
        this.options.rules,
        this.options.levels,
        { now, ...lookup, changedAt, isDocsBuilt },
      );
      if (evaluation.score === null) {
        this.unscored.set(refs[i], etag);
        return;
      }
      this.unscored.delete(refs[i]);
      const { kind, namespace, name } = getCompoundEntityRef(entity);
      rows.push({
        entityRef: refs[i],
        kind,
        namespace,
        name,
        title: entity.metadata.title,
        type:
          typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
        lifecycle:
          typeof entity.spec?.lifecycle === 'string'
            ? entity.spec.lifecycle
            : undefined,
        ownerRef: ownerRefOf(entity),
        score: evaluation.score,
        level: evaluation.level,
        passedWeight: evaluation.passedWeight,
        totalWeight: evaluation.totalWeight,
        results: evaluation.results,
        etag,
        changedAt,
      });
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
      });
    }
    return this.running;
  }

  private async recordedRun(trigger: RunTrigger): Promise<EvaluationSummary> {
    const { runs, logger } = this.options;
    if (!runs) return this.evaluateAllOnce();
    const runId = await runs.start(trigger);
    const heartbeat = setInterval(() => {
      runs
        .heartbeat(runId)
        .catch(e =>
          logger.warn(`Could not record a heartbeat of run ${runId}: ${e}`),
        );
    }, 5000);
    heartbeat.unref?.();
    try {
      const summary = await this.evaluateAllOnce();
      await runs.finish(runId, {
        entityCount: summary.evaluated,
        removedCount: summary.removed,
      });
      return { runId, ...summary };
    } catch (error) {
      await runs
        .fail(runId, error as Error)
        .catch(e =>
          logger.warn(`Could not record the failure of run ${runId}: ${e}`),
        );
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async evaluateAllOnce(): Promise<EvaluationSummary> {
    const started = Date.now();
    const now = this.now();
    const groups = await this.loadGroups();
    await this.options.store.replaceGroups(groups);
    const lookup = await this.ownerLookup(groups);
    let evaluated = 0;
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor ? { cursor, limit: this.pageSize } : { limit: this.pageSize },
        await this.credentials(),
      );
      evaluated += await this.score(page.items, now, lookup);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const removed = await this.options.store.deleteEvaluatedBefore(now);
    await this.options.store.refreshGroupSummaries();
    await this.options.store.recordGroupHistory(now, this.retentionDays);
    const summary = { evaluated, removed, durationMs: Date.now() - started };
    this.options.logger.info(
      `Scored ${evaluated} entities in ${summary.durationMs} ms, removed ${removed}`,
    );
    return summary;
  }

  /**
   * Re-scores entities whose etag changed since they were last scored, and drops deleted ones.
   * The catalog publishes no entity-change events, so this runs on a short interval instead.
   */
  async evaluateChanged(): Promise<EvaluationSummary> {
    const started = Date.now();
    const stored = await this.options.store.getVersions();
    const changed: string[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: 5000, fields: VERSION_FIELDS }
          : { fields: VERSION_FIELDS, limit: 5000 },
        await this.credentials(),
      );
      for (const entity of page.items) {
        const ref = lower(stringifyEntityRef(entity));
        seen.add(ref);
        const known = stored.has(ref)
          ? stored.get(ref)?.etag
          : this.unscored.get(ref);
        if (known !== entity.metadata.etag) changed.push(ref);
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const gone = [...stored.keys()].filter(ref => !seen.has(ref));
    const removed = gone.length
      ? await this.options.store.deleteEntities(gone)
      : 0;
    let evaluated = 0;
    if (changed.length > 0) {
      const lookup = await this.ownerLookup();
      const now = this.now();
      for (let i = 0; i < changed.length; i += this.pageSize) {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs: changed.slice(i, i + this.pageSize) },
          await this.credentials(),
        );
        evaluated += await this.score(
          items.filter((e): e is Entity => !!e),
          now,
          lookup,
        );
      }
    }
    if (evaluated > 0 || removed > 0) {
      await this.options.store.refreshGroupSummaries();
    }
    return { evaluated, removed, durationMs: Date.now() - started };
  }
}
