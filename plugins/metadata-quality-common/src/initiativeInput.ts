import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { refOf } from './entityRefs';
import { InitiativeDefinition, InitiativeTarget } from './initiatives';
import { QualityRule } from './types';
import { parseRule, QualityConfigError } from './validation';

/** An initiative as a request writes it: dates as `YYYY-MM-DD` or ISO 8601 times. */
export interface InitiativeInput {
  title: string;
  description?: string;
  ruleIds?: string[];
  /** Rules of the initiative only, in the shape of `metadataQuality.rules`; weight and howToFix may be left out. */
  rules?: unknown[];
  target?: InitiativeTarget;
  startsAt: string;
  deadline: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function invalid(field: string, problem: string): never {
  throw new InputError(`Invalid field '${field}': ${problem}`);
}

/** A day starts at 00:00 UTC; a deadline day ends at 23:59:59.999 UTC. */
function parseTime(value: string, field: string, endOfDay: boolean): Date {
  const text = value.trim();
  const time = new Date(
    DAY.test(text)
      ? `${text}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`
      : text,
  );
  if (!text || Number.isNaN(time.getTime())) {
    invalid(field, `'${value}' is not a date; use YYYY-MM-DD`);
  }
  return time;
}

function parseOwners(owners: string[] | undefined): string[] | undefined {
  return owners?.map((owner, i) => {
    try {
      return refOf(
        parseEntityRef(owner.trim(), {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      return invalid(
        `target.owners[${i}]`,
        `'${owner}' is not an entity reference`,
      );
    }
  });
}

function parseOwnRules(raw: unknown[], portalRules: QualityRule[]) {
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const field = `rules[${i}]`;
    let rule: QualityRule;
    try {
      const obj = item && typeof item === 'object' ? item : {};
      // Not scored: a weight and a separate fix text would mean nothing here.
      const title = (obj as { title?: unknown }).title;
      rule = parseRule({ weight: 1, howToFix: title, ...obj }, field);
    } catch (e) {
      if (e instanceof QualityConfigError) invalid(e.field, e.problem);
      throw e;
    }
    if (portalRules.some(r => r.id === rule.id)) {
      invalid(
        `${field}.id`,
        `'${rule.id}' is a rule of the portal: list it in 'ruleIds' or name this one differently`,
      );
    }
    if (seen.has(rule.id)) invalid(`${field}.id`, `duplicate id '${rule.id}'`);
    seen.add(rule.id);
    return rule;
  });
}

/**
 * Checks an initiative as a request writes it against the portal's rules and returns its
 * definition: a title, known rule ids, readable rules of its own, at least one rule, and a deadline
 * after the start. Throws `InputError` naming the field.
 */
export function validateInitiative(
  input: InitiativeInput,
  portalRules: QualityRule[],
): InitiativeDefinition {
  const title = input.title.trim();
  if (!title) invalid('title', 'must not be empty');
  const ruleIds = [...new Set(input.ruleIds ?? [])];
  ruleIds.forEach((id, i) => {
    if (!portalRules.some(r => r.id === id)) {
      invalid(`ruleIds[${i}]`, `no rule '${id}'`);
    }
  });
  const rules = parseOwnRules(input.rules ?? [], portalRules);
  if (ruleIds.length + rules.length === 0) {
    invalid('ruleIds', "name at least one rule, or define one in 'rules'");
  }
  const startsAt = parseTime(input.startsAt, 'startsAt', false);
  const deadline = parseTime(input.deadline, 'deadline', true);
  if (deadline.getTime() <= startsAt.getTime()) {
    invalid(
      'deadline',
      `must be after 'startsAt' (${startsAt.toISOString().slice(0, 10)})`,
    );
  }
  const target = input.target ?? {};
  const owners = parseOwners(target.owners);
  const description = input.description?.trim();
  return {
    title,
    ...(description ? { description } : {}),
    ruleIds,
    rules,
    target: {
      ...(target.kinds?.length ? { kinds: target.kinds } : {}),
      ...(target.types?.length ? { types: target.types } : {}),
      ...(target.lifecycles?.length ? { lifecycles: target.lifecycles } : {}),
      ...(target.tags?.length ? { tags: target.tags } : {}),
      ...(owners?.length ? { owners } : {}),
    },
    startsAt,
    deadline,
  };
}
