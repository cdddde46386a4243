import { normalizeRef } from '@internal/plugin-metadata-quality-common';

/** Why a handover is needed: its subject is a person who left or a group that emptied. */
export type HandoverReason = 'departedUser' | 'emptyGroup';

/** The part of an owner finding a handover is planned from. */
export interface HandoverFinding {
  entityRef: string;
  title?: string;
  type: string;
  /** The owner as a full ref: the person who left or the group that emptied. */
  ownerRef?: string;
  suggestedOwner?: string;
}

/** One entity of a planned handover and the team suggested for it. */
export interface PlannedHandoverEntity {
  entityRef: string;
  title?: string;
  suggestedTeam?: string;
}

/** The handover of one subject's entities. */
export interface HandoverPlan {
  subjectRef: string;
  reason: HandoverReason;
  entities: PlannedHandoverEntity[];
}

const REASONS = new Set<string>(['departedUser', 'emptyGroup']);

/** The most frequent value, the first one seen on a tie; undefined for none. */
function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (!best || n > counts.get(best)!) best = v;
  return best;
}

/**
 * The team suggested for each entity of a subject: the finding's own suggestion, else the one most
 * of the subject's other entities get (owner validation suggests none when, say, a departed person
 * is gone from the catalog and their last team emptied too; the others still say where they go).
 */
export function suggestTeams(
  findings: HandoverFinding[],
): PlannedHandoverEntity[] {
  const suggested = findings
    .map(f => f.suggestedOwner && normalizeRef(f.suggestedOwner))
    .filter((t): t is string => !!t);
  const fallback = mostFrequent(suggested);
  return findings.map(f => {
    const own = f.suggestedOwner ? normalizeRef(f.suggestedOwner) : fallback;
    return {
      entityRef: normalizeRef(f.entityRef),
      ...(f.title ? { title: f.title } : {}),
      ...(own ? { suggestedTeam: own } : {}),
    };
  });
}

/**
 * One handover per departed person or emptied group, from the open owner findings: every entity
 * the subject owned, with the team suggested for it. Other finding types are ignored.
 */
export function planHandovers(findings: HandoverFinding[]): HandoverPlan[] {
  const bySubject = new Map<
    string,
    { reason: HandoverReason; findings: Map<string, HandoverFinding> }
  >();
  for (const finding of findings) {
    if (!REASONS.has(finding.type) || !finding.ownerRef) continue;
    const subjectRef = normalizeRef(finding.ownerRef);
    const plan = bySubject.get(subjectRef) ?? {
      reason: finding.type as HandoverReason,
      findings: new Map(),
    };
    plan.findings.set(normalizeRef(finding.entityRef), finding);
    bySubject.set(subjectRef, plan);
  }
  return [...bySubject].map(([subjectRef, plan]) => ({
    subjectRef,
    reason: plan.reason,
    entities: suggestTeams([...plan.findings.values()]),
  }));
}

/** Where an entity's file is, as far as grouping change requests goes. */
export interface LocatedEntity {
  entityRef: string;
  /** Identifies the repository (provider and name); undefined when no change request can be made. */
  repository?: string;
  path?: string;
}

/**
 * The entities grouped by repository, for one change request each: repositories in order of first
 * appearance, entities of a repository sorted by file then ref. Entities without a repository are
 * returned apart.
 */
export function groupByRepository<T extends LocatedEntity>(
  entities: T[],
): {
  repositories: Array<{ repository: string; entities: T[] }>;
  unplaced: T[];
} {
  const groups = new Map<string, T[]>();
  const unplaced: T[] = [];
  for (const entity of entities) {
    if (!entity.repository) {
      unplaced.push(entity);
      continue;
    }
    groups.set(entity.repository, [
      ...(groups.get(entity.repository) ?? []),
      entity,
    ]);
  }
  return {
    repositories: [...groups].map(([repository, list]) => ({
      repository,
      entities: [...list].sort(
        (a, b) =>
          (a.path ?? '').localeCompare(b.path ?? '') ||
          a.entityRef.localeCompare(b.entityRef),
      ),
    })),
    unplaced,
  };
}
