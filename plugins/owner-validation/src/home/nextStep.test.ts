import { compareFindings, nextStep } from './nextStep';

describe('nextStep', () => {
  it('names the suggested owner when there is one', () => {
    expect(
      nextStep({
        type: 'departedUser',
        suggestedOwner: 'group:default/logistics',
      }),
    ).toBe("Set spec.owner to 'group:default/logistics'");
  });

  it('asks for a team with members when no owner can be suggested', () => {
    expect(nextStep({ type: 'emptyGroup' })).toBe(
      'Set spec.owner to a group with members',
    );
    expect(nextStep({ type: 'userOwner' })).toBe(
      'Move the ownership to a team: set spec.owner to a group with members',
    );
  });
});

describe('compareFindings', () => {
  it('puts errors first, then orders by entity', () => {
    const findings = [
      { severity: 'warning' as const, entityRef: 'component:default/a' },
      { severity: 'error' as const, entityRef: 'component:default/z' },
      { severity: 'error' as const, entityRef: 'component:default/b' },
    ];
    expect([...findings].sort(compareFindings).map(f => f.entityRef)).toEqual([
      'component:default/b',
      'component:default/z',
      'component:default/a',
    ]);
  });
});
