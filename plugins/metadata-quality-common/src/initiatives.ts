import { Entity } from '@backstage/catalog-model';
import { runCheck } from './checks';
import { ownerRefOf } from './entityRefs';
import { entityMatches, ruleApplies } from './scoring';
import { CheckContext, QualityRule, EvaluatedRule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The entities an initiative is about; a missing or empty list matches every value. */
export interface InitiativeTarget {
  /** Entity kinds, compared case-insensitively. */
  kinds?: string[];
  /** `spec.type` values. */
  types?: string[];
  /** `spec.lifecycle` values. */
  lifecycles?: string[];
  /** `metadata.tags`: an entity with any of them matches. */
  tags?: string[];
  /** Owner refs (lower case, `group:default/payments`). */
  owners?: string[];
}

/** What an admin defines: the rules an initiative is about, the entities it targets, and when. */
export interface InitiativeDefinition {
  title: string;
  description?: string;
  /** Ids of the portal's rules (`GET /rules`). */
  ruleIds: string[];
  /** Rules defined only inside the initiative: checked on its targets, never part of the score. */
  rules: QualityRule[];
  target: InitiativeTarget;
  startsAt: Date;
  deadline: Date;
}

/** Where an initiative stands at a time. */
export type InitiativeStatus = 'upcoming' | 'running' | 'ended';

/** Upcoming before its start, running until its deadline, then ended. */
export function initiativeStatus(
  initiative: Pick<InitiativeDefinition, 'startsAt' | 'deadline'>,
  now: Date,
): InitiativeStatus {
  if (now.getTime() < initiative.startsAt.getTime()) return 'upcoming';
  return now.getTime() <= initiative.deadline.getTime() ? 'running' : 'ended';
}

/** Whole days until the deadline, rounded up; 0 once it passed. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS));
}

function anyOf(list: string[] | undefined, values: string[]): boolean {
  if (!list || list.length === 0) return true;
  const wanted = new Set(list.map(v => v.toLocaleLowerCase('en-US')));
  return values.some(v => wanted.has(v.toLocaleLowerCase('en-US')));
}

/** Whether an initiative's target filter selects an entity. */
export function initiativeTargets(
  target: InitiativeTarget,
  entity: Entity,
): boolean {
  const owner = ownerRefOf(entity);
  return (
    entityMatches(target, entity) &&
    anyOf(target.tags, entity.metadata.tags ?? []) &&
    anyOf(target.owners, owner ? [owner] : [])
  );
}

/** The rule ids each initiative finds failing on an entity, by initiative id. */
export type InitiativeOutcomes = Record<string, string[]>;

/**
 * Built once per evaluation pass from the initiatives, asked per entity with the results of the
 * portal's rules: for each initiative that targets the entity and has a rule applying to it, the
 * ids of its rules the entity fails. An exempt rule does not fail; an initiative's own rules run
 * through the same checks as the portal's.
 */
export function createInitiativeChecker(
  initiatives: Array<
    Pick<InitiativeDefinition, 'ruleIds' | 'rules' | 'target'> & { id: number }
  >,
) {
  const prepared = initiatives.map(i => ({
    key: String(i.id),
    ruleIds: new Set(i.ruleIds),
    rules: i.rules,
    target: i.target,
  }));
  return {
    /** The outcomes on one entity, or undefined when no initiative concerns it. */
    check(
      entity: Entity,
      results: Array<Pick<EvaluatedRule, 'ruleId' | 'passed' | 'exempt'>>,
      context: CheckContext,
    ): InitiativeOutcomes | undefined {
      let outcomes: InitiativeOutcomes | undefined;
      for (const initiative of prepared) {
        if (!initiativeTargets(initiative.target, entity)) continue;
        let applies = false;
        const failing: string[] = [];
        for (const result of results) {
          if (!initiative.ruleIds.has(result.ruleId)) continue;
          applies = true;
          if (!result.passed && !result.exempt) failing.push(result.ruleId);
        }
        for (const rule of initiative.rules) {
          if (!ruleApplies(rule, entity)) continue;
          applies = true;
          if (!runCheck(rule.check, entity, context).passed) {
            failing.push(rule.id);
          }
        }
        if (applies) {
          outcomes = outcomes ?? {};
          outcomes[initiative.key] = failing;
        }
      }
      return outcomes;
    },
  };
}
