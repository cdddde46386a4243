import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import {
  ADVICE_FORMAT,
  adviseResults,
  InitiativeOutcomes,
  ownerRefOf,
  PlannedEvaluation,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';
import { ScoreRow } from '../database/QualityStore';

/** A scored entity's row before its advice is written, with the hash of what the row will say. */
export interface PlannedScoreRow {
  entityRef: string;
  /**
   * The hash of the row with its fix plans in place of the advice, the entity's etag and the
   * rules' fingerprint: the advice is written from nothing else, so equal hashes mean equal rows.
   */
  contentHash: string;
  /** The row to store, its advice written from the plans (only for rows that are written). */
  advised(): ScoreRow;
}

/**
 * What every row's hash starts with: the advice format and the rules and levels as configured (a
 * changed rule text or weight rewrites the rows it is in).
 */
export function rulesFingerprint(
  rules: QualityRule[],
  levels: QualityLevel[],
): string {
  return createHash('sha256')
    .update(JSON.stringify({ ADVICE_FORMAT, rules, levels }))
    .digest('base64url');
}

/** The stored row of a scored entity, planned: its advice is written only when it is stored. */
export function scoreRowOf(options: {
  entity: Entity;
  entityRef: string;
  evaluation: PlannedEvaluation & { score: number };
  changedAt: Date;
  /** The initiatives that target it, with the ids of their rules it fails. */
  initiatives?: InitiativeOutcomes;
  rules: QualityRule[];
  /** `rulesFingerprint` of `rules` and the levels the evaluation used. */
  fingerprint: string;
}): PlannedScoreRow {
  const { entity, entityRef, evaluation, changedAt, initiatives } = options;
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const row = {
    entityRef,
    kind,
    namespace,
    name,
    title: entity.metadata.title,
    type: typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
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
    etag: entity.metadata.etag,
    // Hashed as text: a Date in the row took JSON.stringify off its fast path (twice the time).
    changedAt: changedAt.toISOString(),
    ...(initiatives ? { initiatives } : {}),
  };
  // The advice reads the entity beyond the row's fields; its etag changes with any of them. An
  // entity without one (not read from the catalog) is hashed whole.
  const contentHash = createHash('sha256')
    .update(options.fingerprint)
    .update(JSON.stringify(row))
    .update(row.etag ? '' : JSON.stringify(entity))
    .digest('base64url');
  return {
    entityRef,
    contentHash,
    advised: () => ({
      ...row,
      changedAt,
      results: adviseResults(evaluation.results, options.rules, entity),
      contentHash,
    }),
  };
}
