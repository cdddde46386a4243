import { invalidatesOwner, ownerVerdictOf } from './ownerVerdict';

describe('ownerVerdict', () => {
  it('makes the owner invalid for an error or a person as owner, not for other warnings', () => {
    const finding = (type: string, severity: 'error' | 'warning') => ({
      type,
      severity,
      message: 'm',
    });
    expect(invalidatesOwner(finding('ownerNotFound', 'error'))).toBe(true);
    expect(invalidatesOwner(finding('userOwner', 'warning'))).toBe(true);
    expect(invalidatesOwner(finding('departedUser', 'warning'))).toBe(false);
  });

  it('carries the sentence and the normalised suggested owner', () => {
    expect(
      ownerVerdictOf({
        type: 'departedUser',
        severity: 'error',
        message: 'Owner has left',
        suggestedOwner: 'group:default/Logistics',
      }),
    ).toEqual({
      valid: false,
      message: 'Owner has left',
      suggestedOwner: 'group:default/logistics',
    });
  });
});
