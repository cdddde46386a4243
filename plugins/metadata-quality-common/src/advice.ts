import { Entity } from '@backstage/catalog-model';
import { CheckFixPlan, checkFixPlan, planAdvice, titleOf } from './checkFixes';
import { DEFAULT_RULES } from './defaultRules';
import { writeAdvice } from './entityYaml';
import { ownerRefOf, refOf } from './entityRefs';
import { AdvicePart, CheckContext, QualityRule } from './types';

/** A rule's own text with the entity's values in place of `{name}`, `{title}`, `{owner}` and the rest. */
export function fillPlaceholders(text: string, entity: Entity): string {
  const values: Record<string, string | undefined> = {
    name: entity.metadata.name,
    title: titleOf(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    ref: refOf(entity),
    owner: ownerRefOf(entity),
    system:
      typeof entity.spec?.system === 'string' ? entity.spec.system : undefined,
  };
  return text.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

/**
 * How to fix one entity's failing rule: what is wrong with it and the YAML of its own file that
 * would fix it, the YAML kept as data. A configured rule's own advice follows, with the entity's
 * values filled in. `plan` is the rule's fix plan when the caller has it already.
 */
export function adviceFor(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
  plan: CheckFixPlan = checkFixPlan(rule, entity, context),
): AdvicePart[] {
  return adviceOfPlan(rule, entity, plan);
}

/**
 * The version of how advice is written from a rule, an entity and a fix plan (`adviceOfPlan`):
 * stored scores hash their plans, not their advice, so a change to the wording or the YAML written
 * from the same plan must raise this, or stored rows keep the old advice until their entity
 * changes. `advice.test.ts` pins the advice of every default rule and says so when it moves.
 */
export const ADVICE_FORMAT = 1;

/**
 * The advice written from a failing rule's fix plan: it reads nothing but the rule, the entity and
 * the plan (what it says depends on nothing else, which the stored rows' hash relies on).
 */
export function adviceOfPlan(
  rule: QualityRule,
  entity: Entity,
  plan: CheckFixPlan,
): AdvicePart[] {
  const own = planAdvice(entity, plan);
  const builtIn = DEFAULT_RULES.find(r => r.id === rule.id);
  if (builtIn && builtIn.howToFix === rule.howToFix && own.length > 0) {
    return own;
  }
  const configured = fillPlaceholders(rule.howToFix, entity);
  return own.length > 0 ? [...own, '\n\n', configured] : [configured];
}

/** How to fix one entity's failing rule, in Markdown (`adviceFor`, written). */
export function fixFor(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
): string {
  return writeAdvice(adviceFor(rule, entity, context));
}
