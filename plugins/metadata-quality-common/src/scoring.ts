import { Entity } from '@backstage/catalog-model';
import { adviceFor } from './advice';
import { checkFixPlan } from './checkFixes';
import { runCheck } from './checks';
import { refOf } from './entityRefs';
import { activeExemption } from './exemptions';
import {
  CheckContext,
  EntityEvaluation,
  QualityLevel,
  QualityRule,
  RuleAppliesTo,
  EvaluatedRule,
} from './types';

function matches(list: string[] | undefined, value: unknown): boolean {
  if (!list || list.length === 0) return true;
  if (typeof value !== 'string') return false;
  const lower = value.toLocaleLowerCase('en-US');
  return list.some(item => item.toLocaleLowerCase('en-US') === lower);
}

/** Whether an entity's kind, spec.type and spec.lifecycle are among those listed (a missing list matches all). */
export function entityMatches(
  applies: RuleAppliesTo | undefined,
  entity: Entity,
): boolean {
  if (!applies) return true;
  return (
    matches(applies.kinds, entity.kind) &&
    matches(applies.types, entity.spec?.type) &&
    matches(applies.lifecycles, entity.spec?.lifecycle)
  );
}

/** Whether a rule applies to an entity by kind, spec.type and spec.lifecycle. */
export function ruleApplies(rule: QualityRule, entity: Entity): boolean {
  return entityMatches(rule.appliesTo, entity);
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

/** The weight a result counts with: none while it is exempt. */
function countedWeight(result: EvaluatedRule): number {
  return result.exempt ? 0 : result.weight;
}

/** Passed weight over applicable weight (exempt rules left out), times 100, rounded to one decimal. */
export function scoreOf(results: EvaluatedRule[]): number | null {
  const total = results.reduce((sum, r) => sum + countedWeight(r), 0);
  if (total === 0) return null;
  const passed = results.reduce(
    (sum, r) => sum + (r.passed ? countedWeight(r) : 0),
    0,
  );
  return Math.round((passed / total) * 1000) / 10;
}

/** Runs every applicable rule on an entity and scores it. */
export function evaluateEntity(
  entity: Entity,
  rules: QualityRule[],
  levels: QualityLevel[],
  context: CheckContext,
): EntityEvaluation {
  const results: EvaluatedRule[] = [];
  const exemptions = context.exemptions?.(refOf(entity)) ?? [];
  for (const rule of rules) {
    if (!ruleApplies(rule, entity)) continue;
    const outcome = runCheck(rule.check, entity, context);
    const exemption = activeExemption(exemptions, rule.id, context.now);
    const plan = outcome.passed
      ? undefined
      : checkFixPlan(rule, entity, context);
    results.push({
      ruleId: rule.id,
      passed: outcome.passed,
      weight: rule.weight,
      ...(outcome.message && !outcome.passed
        ? { message: outcome.message }
        : {}),
      ...(plan ? { advice: adviceFor(rule, entity, context, plan) } : {}),
      ...(plan?.mechanical && plan.edits ? { edits: plan.edits } : {}),
      ...(exemption
        ? {
            exempt: {
              until: exemption.until.toISOString(),
              reason: exemption.reason,
            },
          }
        : {}),
    });
  }
  const score = scoreOf(results);
  const total = results.reduce((sum, r) => sum + countedWeight(r), 0);
  const passed = results.reduce(
    (sum, r) => sum + (r.passed ? countedWeight(r) : 0),
    0,
  );
  return {
    score,
    level: levelFor(score, levels),
    passedWeight: passed,
    totalWeight: total,
    results,
  };
}
