import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import {
  EntityEvaluation,
  InitiativeOutcomes,
  ownerRefOf,
} from '@internal/plugin-metadata-quality-common';
import { ScoreRow } from '../database/QualityStore';

/** The stored row of a scored entity, with the hash of its content. */
export function scoreRowOf(options: {
  entity: Entity;
  entityRef: string;
  evaluation: EntityEvaluation & { score: number };
  changedAt: Date;
  /** The initiatives that target it, with the ids of their rules it fails. */
  initiatives?: InitiativeOutcomes;
}): ScoreRow {
  const { entity, entityRef, evaluation, changedAt, initiatives } = options;
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const row: ScoreRow = {
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
    changedAt,
    ...(initiatives ? { initiatives } : {}),
  };
  return { ...row, contentHash: contentHashOf(row) };
}

/** A hash of everything a row says; the same row built again hashes the same. */
function contentHashOf(row: ScoreRow): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('base64url');
}
