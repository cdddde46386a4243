import {
  EntityScore,
  ServedQualityRule,
} from '@internal/plugin-metadata-quality-common';

/** The one thing to fix next on an entity: a failing rule and why it failed. */
export interface NextAction {
  entity: EntityScore;
  rule: ServedQualityRule;
  /** Why the rule failed, as the evaluation said. */
  message?: string;
  /** How to fix it, written from the entity. */
  fix?: string;
  /** The failing rule is the owner check, which fails on an open owner-validation error. */
  ownerProblem: boolean;
}

/**
 * What to fix first across a set of entities: those whose owner check fails, then the lowest
 * scores; for each entity its failing owner check, else its heaviest failing rule.
 */
export function nextActions(
  scores: EntityScore[],
  rules: ServedQualityRule[],
): NextAction[] {
  const byId = new Map(rules.map(r => [r.id, r]));
  const actions: NextAction[] = [];
  for (const entity of scores) {
    const failing = entity.results
      .filter(r => !r.passed && byId.has(r.ruleId))
      .map(r => ({ result: r, rule: byId.get(r.ruleId)! }));
    if (failing.length === 0) continue;
    const owner = failing.find(f => f.rule.check.type === 'ownerValid');
    const pick =
      owner ?? [...failing].sort((a, b) => b.rule.weight - a.rule.weight)[0];
    actions.push({
      entity,
      rule: pick.rule,
      message: pick.result.message,
      fix: pick.result.fix,
      ownerProblem: owner !== undefined,
    });
  }
  return actions.sort(
    (a, b) =>
      Number(b.ownerProblem) - Number(a.ownerProblem) ||
      a.entity.score - b.entity.score ||
      a.entity.entityRef.localeCompare(b.entity.entityRef),
  );
}
