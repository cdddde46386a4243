import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  FindingsSummary,
  OwnerFindingSeverity,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';
import { DatabaseRunLease } from '@internal/backend-run-lease';
import { Knex } from 'knex';
import { diffFindings } from './diffFindings';
import { FindingRow, toFinding } from './findingRows';
import { readFindingsSummary } from './findingsSummary';
import {
  CheckRun,
  CheckRunResult,
  EntitiesCheck,
  EntitiesCheckResult,
  FindingsFilter,
  FindingsStore,
  RecordedRun,
  RunTrigger,
} from './FindingsStore';
import { chunks, FINDINGS, iso, RUNS } from './tables';
import { readUserTeams, writeUserTeams } from './userTeams';

// Any constant key of a transaction-level advisory lock, the same in every replica.
const FINDINGS_LOCK = 72_616_401;

const migrationsDir = resolvePackagePath(
  '@internal/plugin-owner-validation-backend',
  'migrations',
);

/** Findings in PostgreSQL, one row per problem occurrence. */
export class DatabaseFindingsStore implements FindingsStore {
  /** Runs the migrations (unless skipped) and returns the store. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseFindingsStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseFindingsStore(knex);
  }

  /** The migrations folder, for tests stepping through migrations. */
  static readonly migrationsDir = migrationsDir;

  private readonly lease: DatabaseRunLease<RunTrigger>;

  private constructor(private readonly knex: Knex) {
    this.lease = new DatabaseRunLease({
      db: knex,
      table: RUNS,
      what: 'An ownership check',
    });
  }

  startRun(trigger: RunTrigger): Promise<number> {
    return this.lease.start(trigger);
  }

  heartbeatRun(id: number): Promise<void> {
    return this.lease.heartbeat(id);
  }

  failRun(id: number, error: Error): Promise<void> {
    return this.lease.fail(id, error);
  }

  runLeased<T>(
    trigger: RunTrigger,
    logger: LoggerService,
    fn: (runId: number) => Promise<T>,
  ): Promise<T> {
    return this.lease.run(trigger, logger, fn);
  }

  async listRuns(limit: number): Promise<RecordedRun[]> {
    const rows = await this.knex(RUNS).orderBy('id', 'desc').limit(limit);
    return rows.map(row => {
      const run: RecordedRun = {
        id: Number(row.id),
        status: row.status,
        startedAt: iso(row.started_at),
      };
      if (row.instance !== null) run.instance = row.instance;
      if (row.trigger !== null) run.trigger = row.trigger;
      if (row.heartbeat_at !== null) run.heartbeatAt = iso(row.heartbeat_at);
      if (row.finished_at !== null) run.finishedAt = iso(row.finished_at);
      if (row.entity_count !== null) run.entityCount = row.entity_count;
      if (row.finding_count !== null) run.findingCount = row.finding_count;
      if (row.error !== null) run.error = row.error;
      return run;
    });
  }

  /** Opens, refreshes and resolves findings against the given open rows; returns what changed. */
  private async applyFindings(
    tx: Knex.Transaction,
    openRows: FindingRow[],
    findings: CheckRun['findings'],
    now: Date,
  ) {
    const diff = diffFindings(openRows, findings);
    const inserts = diff.added.map(({ finding, details }) => ({
      entity_ref: finding.entityRef,
      finding_type: finding.type,
      ...details,
      first_seen: now,
      last_seen: now,
    }));
    for (const chunk of chunks(inserts)) {
      await tx(FINDINGS).insert(chunk);
    }
    for (const ids of chunks(diff.unchangedIds)) {
      await tx(FINDINGS).whereIn('id', ids).update({ last_seen: now });
    }
    for (const { id, details } of diff.changed) {
      await tx(FINDINGS)
        .where('id', id)
        .update({ ...details, last_seen: now });
    }
    for (const ids of chunks(diff.resolvedIds)) {
      await tx(FINDINGS).whereIn('id', ids).update({ resolved_at: now });
    }
    const byId = new Map(openRows.map(row => [String(row.id), row.entity_ref]));
    const changedRefs = new Set([
      ...inserts.map(row => row.entity_ref),
      ...[...diff.changed.map(c => c.id), ...diff.resolvedIds].map(
        id => byId.get(String(id))!,
      ),
    ]);
    return {
      opened: inserts.length,
      resolved: diff.resolvedIds.length,
      changedRefs: [...changedRefs].sort(),
    };
  }

  // Full runs and re-checks of changed entities write the same open rows: one at a time.
  private async lockFindings(tx: Knex.Transaction) {
    await tx.raw('SELECT pg_advisory_xact_lock(?)', [FINDINGS_LOCK]);
  }

  async recordEntities(check: EntitiesCheck): Promise<EntitiesCheckResult> {
    const refs = [...new Set(check.entityRefs)];
    return this.knex.transaction(async tx => {
      await this.lockFindings(tx);
      const openRows: FindingRow[] = [];
      for (const chunk of chunks(refs)) {
        openRows.push(
          ...(await tx(FINDINGS)
            .whereNull('resolved_at')
            .whereIn('entity_ref', chunk)
            .select()),
        );
      }
      const checked = new Set(refs);
      const result = await this.applyFindings(
        tx,
        openRows,
        check.findings.filter(f => checked.has(f.entityRef)),
        check.at,
      );
      await writeUserTeams(tx, check.userTeams, check.at);
      return result;
    });
  }

  async recordRun(run: CheckRun): Promise<CheckRunResult> {
    const now = run.finishedAt;
    return this.knex.transaction(async tx => {
      await this.lockFindings(tx);
      const openRows: FindingRow[] = await tx(FINDINGS)
        .whereNull('resolved_at')
        .select();
      const { opened, resolved, changedRefs } = await this.applyFindings(
        tx,
        openRows,
        run.findings,
        now,
      );
      await writeUserTeams(tx, run.userTeams, now);

      if (run.runId === undefined) {
        await tx(RUNS).insert({
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          entity_count: run.entityCount,
          finding_count: run.findings.length,
        });
      } else {
        // Refused, and the findings rolled back, when the run was marked abandoned meanwhile.
        await this.lease.finish(
          run.runId,
          {
            entity_count: run.entityCount,
            finding_count: run.findings.length,
          },
          tx,
        );
      }

      return { opened, resolved, open: run.findings.length, changedRefs };
    });
  }

  getLastKnownTeams(): Promise<Map<string, string[]>> {
    return readUserTeams(this.knex);
  }

  async getEntityFindings(entityRef: string): Promise<StoredOwnerFinding[]> {
    const rows: FindingRow[] = await this.knex(FINDINGS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .whereNull('resolved_at')
      .orderBy([
        { column: 'first_seen', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toFinding);
  }

  async listFindings(
    filter: FindingsFilter,
  ): Promise<{ items: StoredOwnerFinding[]; totalCount: number }> {
    const query = this.knex(FINDINGS);
    if (filter.status === 'open') query.whereNull('resolved_at');
    if (filter.status === 'resolved') query.whereNotNull('resolved_at');
    if (filter.types?.length) query.whereIn('finding_type', filter.types);
    if (filter.severities?.length) query.whereIn('severity', filter.severities);
    if (filter.kinds?.length) {
      query.whereRaw(
        `lower(kind) in (${filter.kinds.map(() => '?').join(', ')})`,
        filter.kinds,
      );
    }
    if (filter.team) {
      const team = filter.team;
      query.where(q => q.where('team', team).orWhere('owner_ref', team));
    }
    // The page and the count, side by side: one round trip's wait instead of two.
    const [rows, [{ count }]] = await Promise.all([
      query
        .clone()
        .select()
        .orderByRaw('team asc nulls last, entity_ref asc, id desc')
        .limit(filter.limit)
        .offset(filter.offset) as Promise<FindingRow[]>,
      query.clone().count({ count: '*' }),
    ]);
    return { items: rows.map(toFinding), totalCount: Number(count) };
  }

  getSummary(): Promise<FindingsSummary> {
    return readFindingsSummary(this.knex);
  }

  async getUnnotifiedFindings(
    severities: OwnerFindingSeverity[],
  ): Promise<StoredOwnerFinding[]> {
    const rows: FindingRow[] = await this.knex(FINDINGS)
      .whereNull('resolved_at')
      .whereNull('notified_at')
      .whereIn('severity', severities)
      .orderBy('id');
    return rows.map(toFinding);
  }

  async markNotified(ids: number[], at: Date): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.knex(FINDINGS)
        .whereIn('id', chunk)
        .whereNull('notified_at')
        .update({ notified_at: at });
    }
  }
}
