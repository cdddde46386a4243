import { Entity } from '@backstage/catalog-model';
import { adviceOfPlan } from './advice';
import { CheckFixPlan, checkFixPlan } from './checkFixes';
import { runCheck } from './checks';
import { entityRefIn } from './entityRefs';
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

/** What scoring reads of a result, advised or planned. */
export type WeighedResult = Pick<EvaluatedRule, 'passed' | 'weight' | 'exempt'>;

/** The weight a result counts with: none while it is exempt. */
function countedWeight(result: WeighedResult): number {
  return result.exempt ? 0 : result.weight;
}

/** The weight counted (exempt rules left out) and the part of it that passed, in one pass. */
function weightsOf(results: WeighedResult[]) {
  let total = 0;
  let passed = 0;
  for (const result of results) {
    const weight = countedWeight(result);
    total += weight;
    if (result.passed) passed += weight;
  }
  return { total, passed };
}

/** Passed over applicable weight, times 100, rounded to one decimal; null when nothing counts. */
function scoreFrom({ total, passed }: { total: number; passed: number }) {
  return total === 0 ? null : Math.round((passed / total) * 1000) / 10;
}

/** Passed weight over applicable weight (exempt rules left out), times 100, rounded to one decimal. */
export function scoreOf<R extends WeighedResult>(results: R[]): number | null {
  return scoreFrom(weightsOf(results));
}

/**
 * A rule's result with a failing one's fix plan in place of its advice and edits: the plan is all
 * they are written from besides the rule and the entity (`adviseResults`).
 */
export type PlannedRule = Omit<EvaluatedRule, 'advice' | 'edits'> & {
  plan?: CheckFixPlan;
};

/** An entity's evaluation before its advice is written. */
export type PlannedEvaluation = Omit<EntityEvaluation, 'results'> & {
  results: PlannedRule[];
};

/**
 * Runs every applicable rule on an entity and scores it, with the fix plan of each failing rule;
 * `adviseResults` writes the advice. Scoring many entities, only the rows that changed need it.
 */
export function planEvaluation(
  entity: Entity,
  rules: QualityRule[],
  levels: QualityLevel[],
  context: CheckContext,
): PlannedEvaluation {
  const results: PlannedRule[] = [];
  const exemptions = context.exemptions?.(entityRefIn(entity, context)) ?? [];
  for (const rule of rules) {
    if (!ruleApplies(rule, entity)) continue;
    const outcome = runCheck(rule.check, entity, context);
    const exemption = activeExemption(exemptions, rule.id, context.now);
    results.push({
      ruleId: rule.id,
      passed: outcome.passed,
      weight: rule.weight,
      ...(outcome.message && !outcome.passed
        ? { message: outcome.message }
        : {}),
      ...(outcome.passed ? {} : { plan: checkFixPlan(rule, entity, context) }),
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
  const weights = weightsOf(results);
  const score = scoreFrom(weights);
  return {
    score,
    level: levelFor(score, levels),
    passedWeight: weights.passed,
    totalWeight: weights.total,
    results,
  };
}

/**
 * The results with each failing one's advice written from its plan, and the edits of a fix the
 * portal can apply as they are. `rules` are those the results were planned with.
 */
export function adviseResults(
  results: PlannedRule[],
  rules: QualityRule[],
  entity: Entity,
): EvaluatedRule[] {
  return results.map(({ plan, ...result }) => {
    if (!plan) return result;
    const rule = rules.find(r => r.id === result.ruleId);
    if (!rule) {
      throw new Error(`No rule '${result.ruleId}' among the rules given`);
    }
    return {
      ...result,
      advice: adviceOfPlan(rule, entity, plan),
      ...(plan.mechanical && plan.edits ? { edits: plan.edits } : {}),
    };
  });
}

/** Runs every applicable rule on an entity and scores it, with advice for each failing rule. */
export function evaluateEntity(
  entity: Entity,
  rules: QualityRule[],
  levels: QualityLevel[],
  context: CheckContext,
): EntityEvaluation {
  const planned = planEvaluation(entity, rules, levels, context);
  return {
    ...planned,
    results: adviseResults(planned.results, rules, entity),
  };
}
