import { OwnerFinding } from '@internal/plugin-owner-validation-common';

/** What the owning team does about a finding, in one sentence. */
export function nextStep(
  finding: Pick<OwnerFinding, 'type' | 'suggestedOwner'>,
): string {
  const target = finding.suggestedOwner
    ? `'${finding.suggestedOwner}'`
    : 'a group with members';
  switch (finding.type) {
    case 'userOwner':
      return `Move the ownership to a team: set spec.owner to ${target}`;
    case 'invalidOwnerRef':
      return `Fix the reference in spec.owner, e.g. ${target}`;
    default:
      return `Set spec.owner to ${target}`;
  }
}

/** Errors before warnings, then by entity, so the worst comes first. */
export function compareFindings(
  a: Pick<OwnerFinding, 'severity' | 'entityRef'>,
  b: Pick<OwnerFinding, 'severity' | 'entityRef'>,
): number {
  const rank = (s: string) => (s === 'error' ? 0 : 1);
  return (
    rank(a.severity) - rank(b.severity) ||
    a.entityRef.localeCompare(b.entityRef)
  );
}
