import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  FindingsSummary,
  OwnerFinding,
  OwnerFindingSeverity,
  OwnerFindingType,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';
import { DatabaseRunLease } from '@internal/backend-run-lease';
import { Knex } from 'knex';
import {
  CheckRun,
  CheckRunResult,
  FindingsFilter,
  FindingsStore,
  RecordedRun,
  RunTrigger,
} from './FindingsStore';

const FINDINGS = 'owner_validation_findings';
const USER_TEAMS = 'owner_validation_user_teams';
const RUNS = 'owner_validation_runs';
const CHUNK = 1000;

const migrationsDir = resolvePackagePath(
  '@internal/plugin-owner-validation-backend',
  'migrations',
);

interface FindingRow {
  id: string | number;
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  finding_type: string;
  severity: string;
  owner: string | null;
  owner_ref: string | null;
  suggested_owner: string | null;
  team: string | null;
  message: string;
  first_seen: Date | string;
  last_seen: Date | string;
  resolved_at: Date | string | null;
  notified_at: Date | string | null;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

function isoOrUndefined(value: Date | string | null): string | undefined {
  return value === null ? undefined : iso(value);
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toFinding(row: FindingRow): StoredOwnerFinding {
  const finding: StoredOwnerFinding = {
    id: Number(row.id),
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    type: row.finding_type as OwnerFindingType,
    severity: row.severity as OwnerFindingSeverity,
    message: row.message,
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
  };
  if (row.title !== null) finding.title = row.title;
  if (row.owner !== null) finding.owner = row.owner;
  if (row.owner_ref !== null) finding.ownerRef = row.owner_ref;
  if (row.suggested_owner !== null)
    finding.suggestedOwner = row.suggested_owner;
  if (row.team !== null) finding.team = row.team;
  if (row.resolved_at !== null) finding.resolvedAt = iso(row.resolved_at);
  if (row.notified_at !== null) finding.notifiedAt = iso(row.notified_at);
  return finding;
}

function details(finding: OwnerFinding) {
  return {
    kind: finding.kind,
    namespace: finding.namespace,
    name: finding.name,
    title: finding.title ?? null,
    severity: finding.severity,
    owner: finding.owner ?? null,
    owner_ref: finding.ownerRef ?? null,
    suggested_owner: finding.suggestedOwner ?? null,
    team: finding.team ?? null,
    message: finding.message,
  };
}

type Details = ReturnType<typeof details>;

function sameDetails(row: FindingRow, next: Details): boolean {
  return (Object.keys(next) as Array<keyof Details>).every(
    key => (row[key] ?? null) === next[key],
  );
}

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
      if (row.finished_at !== null)
        run.finishedAt = isoOrUndefined(row.finished_at);
      if (row.entity_count !== null) run.entityCount = row.entity_count;
      if (row.finding_count !== null) run.findingCount = row.finding_count;
      if (row.error !== null) run.error = row.error;
      return run;
    });
  }

  async recordRun(run: CheckRun): Promise<CheckRunResult> {
    const now = run.finishedAt;
    return this.knex.transaction(async tx => {
      const openRows: FindingRow[] = await tx(FINDINGS)
        .whereNull('resolved_at')
        .select();
      const open = new Map(
        openRows.map(row => [`${row.entity_ref}\0${row.finding_type}`, row]),
      );

      const inserts: Record<string, unknown>[] = [];
      const touched: Array<string | number> = [];
      const changed: Array<{ id: string | number; next: Details }> = [];
      for (const finding of run.findings) {
        const key = `${finding.entityRef}\0${finding.type}`;
        const next = details(finding);
        const row = open.get(key);
        if (!row) {
          inserts.push({
            entity_ref: finding.entityRef,
            finding_type: finding.type,
            ...next,
            first_seen: now,
            last_seen: now,
          });
          continue;
        }
        open.delete(key);
        if (sameDetails(row, next)) {
          touched.push(row.id);
        } else {
          changed.push({ id: row.id, next });
        }
      }

      for (const chunk of chunks(inserts)) {
        await tx(FINDINGS).insert(chunk);
      }
      for (const ids of chunks(touched)) {
        await tx(FINDINGS).whereIn('id', ids).update({ last_seen: now });
      }
      for (const { id, next } of changed) {
        await tx(FINDINGS)
          .where('id', id)
          .update({ ...next, last_seen: now });
      }
      const resolvedIds = [...open.values()].map(row => row.id);
      for (const ids of chunks(resolvedIds)) {
        await tx(FINDINGS).whereIn('id', ids).update({ resolved_at: now });
      }

      const teams = [...run.userTeams].map(([user_ref, groups]) => ({
        user_ref,
        teams: groups,
        last_seen: now,
      }));
      for (const chunk of chunks(teams)) {
        await tx(USER_TEAMS)
          .insert(chunk)
          .onConflict('user_ref')
          .merge(['teams', 'last_seen']);
      }

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

      return {
        opened: inserts.length,
        resolved: resolvedIds.length,
        open: run.findings.length,
      };
    });
  }

  async getLastKnownTeams(): Promise<Map<string, string[]>> {
    const rows: Array<{ user_ref: string; teams: string[] }> = await this.knex(
      USER_TEAMS,
    ).select('user_ref', 'teams');
    return new Map(rows.map(row => [row.user_ref, row.teams]));
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
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows: FindingRow[] = await query
      .select()
      .orderByRaw('team asc nulls last, entity_ref asc, id desc')
      .limit(filter.limit)
      .offset(filter.offset);
    return { items: rows.map(toFinding), totalCount: Number(count) };
  }

  async getSummary(): Promise<FindingsSummary> {
    const open = () => this.knex(FINDINGS).whereNull('resolved_at');
    const [byType, bySeverity, byKind, byTeam, lastRun] = await Promise.all([
      open()
        .select('finding_type as key')
        .count({ count: '*' })
        .groupBy('finding_type'),
      open()
        .select('severity as key')
        .count({ count: '*' })
        .groupBy('severity'),
      open().select('kind as key').count({ count: '*' }).groupBy('kind'),
      open()
        .select('team as key')
        .count({ count: '*' })
        .groupBy('team')
        .orderByRaw('count(*) desc, team asc nulls last'),
      this.knex(RUNS)
        .where('status', 'succeeded')
        .orderBy('id', 'desc')
        .first(),
    ]);
    const toRecord = (rows: Array<Record<string, unknown>>) =>
      Object.fromEntries(rows.map(r => [String(r.key), Number(r.count)]));
    const summary: FindingsSummary = {
      total: byType.reduce((sum, r) => sum + Number(r.count), 0),
      byType: toRecord(byType),
      bySeverity: toRecord(bySeverity),
      byKind: toRecord(byKind),
      byTeam: byTeam.map(r => ({
        team: ((r as Record<string, unknown>).key as string | null) ?? null,
        count: Number(r.count),
      })),
    };
    if (lastRun) {
      summary.lastRun = {
        finishedAt: iso(lastRun.finished_at),
        entityCount: lastRun.entity_count,
        findingCount: lastRun.finding_count,
      };
    }
    return summary;
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
