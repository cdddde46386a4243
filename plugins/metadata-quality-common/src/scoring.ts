import { Entity } from '@backstage/catalog-model';
import { fixFor } from './advice';
import { runCheck } from './checks';
import {
  CheckContext,
  EntityEvaluation,
  QualityLevel,
  QualityRule,
  RuleResult,
} from './types';

function matches(list: string[] | undefined, value: unknown): boolean {
  if (!list || list.length === 0) return true;
  if (typeof value !== 'string') return false;
  const lower = value.toLocaleLowerCase('en-US');
  return list.some(item => item.toLocaleLowerCase('en-US') === lower);
}

/** Whether a rule applies to an entity by kind, spec.type and spec.lifecycle. */
export function ruleApplies(rule: QualityRule, entity: Entity): boolean {
  const applies = rule.appliesTo;
  if (!applies) return true;
  return (
    matches(applies.kinds, entity.kind) &&
    matches(applies.types, entity.spec?.type) &&
    matches(applies.lifecycles, entity.spec?.lifecycle)
  );
}

/** The highest level whose minimum the score reaches, or null. */
export function levelFor(
  score: number | null,
  levels: QualityLevel[],
): string | null {
  if (score === null) return null;
  let best: QualityLevel | undefined;
  for (const level of levels) {
    if (score >= level.minScore && (!best || level.minScore > best.minScore)) {
      best = level;
    }
  }
  return best?.name ?? null;
}

/** Passed weight over applicable weight, times 100, rounded to one decimal. */
export function scoreOf(results: RuleResult[]): number | null {
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  if (total === 0) return null;
  const passed = results.reduce((sum, r) => sum + (r.passed ? r.weight : 0), 0);
  return Math.round((passed / total) * 1000) / 10;
}

/** Runs every applicable rule on an entity and scores it. */
export function evaluateEntity(
  entity: Entity,
  rules: QualityRule[],
  levels: QualityLevel[],
  context: CheckContext,
): EntityEvaluation {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule, entity)) continue;
    const outcome = runCheck(rule.check, entity, context);
    results.push({
      ruleId: rule.id,
      passed: outcome.passed,
      weight: rule.weight,
      ...(outcome.message && !outcome.passed
        ? { message: outcome.message }
        : {}),
      ...(outcome.passed ? {} : { fix: fixFor(rule, entity, context) }),
    });
  }
  const score = scoreOf(results);
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  const passed = results.reduce((sum, r) => sum + (r.passed ? r.weight : 0), 0);
  return {
    score,
    level: levelFor(score, levels),
    passedWeight: passed,
    totalWeight: total,
    results,
  };
}
