import { normalizeRef } from './entityRefs';
import { OwnerVerdict } from './types';

/** An owner-validation finding, as far as the quality checks read it. */
export interface OwnerFindingLike {
  type: string;
  severity: 'error' | 'warning';
  message: string;
  suggestedOwner?: string;
}

/** A person as owner is only a warning for owner validation, but no team owns the entity. */
const INVALID_WARNINGS = new Set(['userOwner']);

/** Whether a finding makes the owner fail the `ownerValid` check: an error, or a person as owner. */
export function invalidatesOwner(finding: OwnerFindingLike): boolean {
  return finding.severity === 'error' || INVALID_WARNINGS.has(finding.type);
}

/** The verdict on an owner with this finding: invalid, with the finding's sentence and suggested owner. */
export function ownerVerdictOf(finding: OwnerFindingLike): OwnerVerdict {
  return {
    valid: false,
    message: finding.message,
    ...(finding.suggestedOwner
      ? { suggestedOwner: normalizeRef(finding.suggestedOwner) }
      : {}),
  };
}
