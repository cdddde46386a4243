import type { Entity } from '@backstage/catalog-model';
import {
  evaluateEntity,
  fillPlaceholders,
  invalidatesOwner,
  OwnerFindingLike,
  ownerVerdictOf,
  parsePath,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';
import type { ParsedEntity } from './checkInput';
import { EntityScore, Finding } from './types';

/** The rules and levels to score with: DEFAULT_RULES offline, the portal's with `--portal`. */
export interface QualitySettings {
  rules: QualityRule[];
  levels: QualityLevel[];
  now: Date;
}

/**
 * The score the portal would give the entity, with each failing rule as a notice at the field it
 * reads. What a file cannot tell is taken as passing: TechDocs count as built when the annotation
 * is there, the entity as changed today, and the owner as valid unless owner validation (with
 * `--portal` or `--org`) has a finding that makes it invalid for the portal.
 */
export function checkQuality(
  file: string,
  parsed: ParsedEntity,
  settings: QualitySettings,
  ownerFinding: OwnerFindingLike | undefined,
): { score: EntityScore; findings: Finding[] } {
  const entity = parsed.entity as Entity;
  const entityRef = parsed.entityRef!;
  const evaluation = evaluateEntity(entity, settings.rules, settings.levels, {
    now: settings.now,
    ownerVerdict: () =>
      ownerFinding && invalidatesOwner(ownerFinding)
        ? ownerVerdictOf(ownerFinding)
        : { valid: true },
  });
  const rules = new Map(settings.rules.map(r => [r.id, r]));
  const findings: Finding[] = [];
  for (const result of evaluation.results) {
    if (result.passed) continue;
    const rule = rules.get(result.ruleId)!;
    const path =
      'path' in rule.check ? [...parsePath(rule.check.path)] : undefined;
    const at = (path && parsed.locate(path)) ?? { line: parsed.line };
    findings.push({
      file,
      ...at,
      severity: 'notice',
      check: 'quality',
      entityRef,
      message: `${rule.title} (${result.weight} of ${
        evaluation.totalWeight
      } points)${
        result.message ? `: ${result.message}` : ''
      }. ${fillPlaceholders(rule.howToFix, entity)}`,
    });
  }
  return {
    score: {
      file,
      line: parsed.line,
      entityRef,
      score: evaluation.score,
      level: evaluation.level,
    },
    findings,
  };
}
