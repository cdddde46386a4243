import { Entity } from '@backstage/catalog-model';
import { checkFix, titleOf } from './checkFixes';
import { DEFAULT_RULES } from './defaultRules';
import { ownerRefOf, refOf } from './entityRefs';
import { CheckContext, QualityRule } from './types';

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
 * How to fix one entity's failing rule, in Markdown: what is wrong with it and the YAML of its own
 * file that would fix it. A configured rule's own advice follows, with the entity's values filled in.
 */
export function fixFor(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
): string {
  const own = checkFix(rule, entity, context);
  const builtIn = DEFAULT_RULES.find(r => r.id === rule.id);
  if (builtIn && builtIn.howToFix === rule.howToFix && own) return own;
  const configured = fillPlaceholders(rule.howToFix, entity);
  return own ? `${own}\n\n${configured}` : configured;
}
