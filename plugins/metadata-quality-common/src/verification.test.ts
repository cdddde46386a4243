import { Entity } from '@backstage/catalog-model';
import { writeAdvice } from './entityYaml';
import { runCheck } from './checks';
import { confirmedRule } from './defaultRules';
import { evaluateEntity } from './scoring';
import { Confirmation } from './types';
import { confirmationStatus, reminderAt } from './verification';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { owner: 'group:default/web' },
};
const confirmed: Confirmation = {
  ownerRef: 'group:default/web',
  confirmedBy: 'user:default/alice',
  confirmedAt: new Date('2026-01-01T10:00:00Z'),
};
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const check = { type: 'confirmed', maxAgeDays: 180 } as const;
const contextAt = (now: Date, confirmation?: Confirmation) => ({
  now,
  ownerVerdict: () => ({ valid: true }),
  confirmation: () => confirmation,
});

describe('confirmations', () => {
  it('last maxAgeDays for the owner they were given for', () => {
    expect(
      confirmationStatus(confirmed, 'group:default/web', day('2026-06-29'), 180)
        .state,
    ).toBe('valid');
    const lapsed = confirmationStatus(
      confirmed,
      'group:default/web',
      day('2026-06-30'),
      180,
    );
    expect(lapsed).toEqual(
      expect.objectContaining({
        state: 'lapsed',
        lapsesAt: new Date('2026-06-30T10:00:00Z'),
      }),
    );
    expect(
      confirmationStatus(confirmed, 'group:default/api', day('2026-01-02'), 180)
        .state,
    ).toBe('ownerChanged');
    expect(
      confirmationStatus(undefined, 'group:default/web', day('2026-01-02'), 180)
        .state,
    ).toBe('never');
    expect(reminderAt(new Date('2026-06-30T10:00:00Z'))).toEqual(
      new Date('2026-06-16T10:00:00Z'),
    );
  });

  it('fail the check with the date and who confirmed last as the clock moves on', () => {
    expect(
      runCheck(check, entity, contextAt(day('2026-03-01'), confirmed)),
    ).toEqual({ passed: true });
    expect(
      runCheck(check, entity, contextAt(day('2026-07-01'), confirmed)),
    ).toEqual({
      passed: false,
      message:
        'Last confirmed on 2026-01-01 by user:default/alice, more than 180 days ago',
    });
    expect(runCheck(check, entity, contextAt(day('2026-03-01')))).toEqual({
      passed: false,
      message: 'Never confirmed by its owners',
    });
  });

  it('give a never-confirmed entry the same time from when its content was first seen', () => {
    const seen = (now: string, changedAt: string) => ({
      ...contextAt(day(now)),
      changedAt: day(changedAt),
    });
    expect(runCheck(check, entity, seen('2026-03-01', '2026-02-20'))).toEqual({
      passed: true,
    });
    expect(runCheck(check, entity, seen('2026-09-01', '2026-02-20'))).toEqual({
      passed: false,
      message:
        'Never confirmed by its owners, and unchanged since 2026-02-20, more than 180 days ago',
    });
  });

  it('no longer count after a change of owner', () => {
    const moved = { ...entity, spec: { owner: 'group:default/payments' } };
    expect(
      runCheck(check, moved, contextAt(day('2026-02-01'), confirmed)),
    ).toEqual({
      passed: false,
      message:
        'Its owner changed from group:default/web since user:default/alice confirmed it on 2026-01-01: the new owners must confirm',
    });
  });

  it('pass when confirmations cannot be known', () => {
    expect(
      runCheck(check, entity, {
        now: day('2026-07-01'),
        ownerVerdict: () => ({ valid: true }),
      }),
    ).toEqual({ passed: true });
  });

  it('score through the built-in rule with advice', () => {
    const result = evaluateEntity(
      entity,
      [confirmedRule(30)],
      [],
      contextAt(day('2026-03-01'), confirmed),
    );
    expect(result.score).toBe(0);
    expect(result.results[0]).toEqual(
      expect.objectContaining({
        ruleId: 'confirmed-recently',
        passed: false,
        message: expect.stringMatching(/more than 30 days ago$/),
      }),
    );
    expect(writeAdvice(result.results[0].advice!)).toContain(
      'press "Still correct" on its Quality tab',
    );
  });
});
