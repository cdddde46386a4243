import type { Entity } from '@backstage/catalog-model';
import {
  entityRefOf,
  refsFrom,
  relationTargets,
} from '@internal/plugin-owner-validation-common';

/**
 * The owners whose verdict a change to these users and groups may change: the changed ones, the
 * groups the changed users are in now or were in when last seen, and every ancestor of those groups
 * (a group is empty only when its child groups are). Entities owned by them are checked again.
 */
export function affectedOwners(
  changedRefs: readonly string[],
  org: readonly Entity[],
  lastKnownTeams: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const affected = new Set<string>();
  // Only a changed user or group changes the verdict on what others own.
  if (!changedRefs.some(ref => /^(user|group):/.test(ref))) return affected;
  const parents = new Map<string, string[]>();
  const groupsOf = new Map<string, string[]>();
  for (const entity of org) {
    const ref = entityRefOf(entity);
    if (!ref) continue;
    const namespace = ref.slice(ref.indexOf(':') + 1, ref.indexOf('/'));
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (ref.startsWith('group:')) {
      parents.set(ref, [
        ...refsFrom(spec.parent, 'group', namespace),
        ...relationTargets(entity, 'childOf'),
      ]);
    } else if (ref.startsWith('user:')) {
      groupsOf.set(ref, [
        ...refsFrom(spec.memberOf, 'group', namespace),
        ...relationTargets(entity, 'memberOf'),
      ]);
    }
  }
  const visit = (ref: string) => {
    if (affected.has(ref)) return;
    affected.add(ref);
    (parents.get(ref) ?? []).forEach(visit);
  };
  for (const ref of changedRefs) {
    if (ref.startsWith('user:')) {
      affected.add(ref);
      [
        ...(groupsOf.get(ref) ?? []),
        ...(lastKnownTeams.get(ref) ?? []),
      ].forEach(visit);
    } else if (ref.startsWith('group:')) {
      visit(ref);
    }
  }
  return affected;
}
