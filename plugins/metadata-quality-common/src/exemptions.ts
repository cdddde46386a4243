import { InputError } from '@backstage/errors';
import { ActiveExemption, QualityRule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The exemption from a rule in force at a time: approved (the caller passes only those) and not ended. */
export function activeExemption(
  exemptions: ActiveExemption[],
  ruleId: string,
  now: Date,
): ActiveExemption | undefined {
  return exemptions
    .filter(e => e.ruleId === ruleId && e.until.getTime() > now.getTime())
    .sort((a, b) => b.until.getTime() - a.until.getTime())[0];
}

/** How a rule's exemption reads on the entity's page. */
export function exemptText(exempt: { until: string; reason: string }): string {
  return `exempt until ${exempt.until.slice(0, 10)}: ${exempt.reason}`;
}

/**
 * Checks a request to exempt an entity from a rule and returns when it ends: the rule must exist,
 * the reason must not be empty, and the end must lie after `now` and at most `maxDays` days ahead.
 * Throws `InputError` naming the field.
 */
export function validateExemptionRequest(
  request: { ruleId: string; reason: string; until: string },
  rules: Pick<QualityRule, 'id'>[],
  now: Date,
  maxDays: number,
): Date {
  if (!rules.some(r => r.id === request.ruleId)) {
    throw new InputError(`Invalid field 'ruleId': no rule '${request.ruleId}'`);
  }
  if (!request.reason.trim()) {
    throw new InputError(`Invalid field 'reason': say why`);
  }
  const until = new Date(request.until);
  if (Number.isNaN(until.getTime())) {
    throw new InputError(
      `Invalid field 'until': '${request.until}' is not a date`,
    );
  }
  if (until.getTime() <= now.getTime()) {
    throw new InputError(`Invalid field 'until': must be in the future`);
  }
  if (until.getTime() > now.getTime() + maxDays * DAY_MS) {
    throw new InputError(
      `Invalid field 'until': at most ${maxDays} days ahead`,
    );
  }
  return until;
}
