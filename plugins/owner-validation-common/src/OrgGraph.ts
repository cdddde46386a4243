import type { Entity } from '@backstage/catalog-model';
import { entityRefOf, refsFrom, relationTargets } from './ownerRefs';
import type { OwnerCheckOptions } from './checkOwners';

/** The annotation or label key that marks a user as departed, by default. */
export const DEFAULT_DEPARTED_MARKER_KEY = 'lighthouse.acme/departed';

interface UserNode {
  entity: Entity;
  groups: Set<string>;
}

interface GroupNode {
  entity: Entity;
  parents: Set<string>;
  children: Set<string>;
  members: Set<string>;
}

/** Users, groups and their links, built once per check. */
export class OrgGraph {
  readonly users = new Map<string, UserNode>();
  readonly groups = new Map<string, GroupNode>();
  readonly all = new Set<string>();
  private readonly nonEmpty = new Set<string>();

  constructor(
    entities: readonly Entity[],
    private readonly isDeparted: (user: Entity) => boolean,
  ) {
    // Links the catalog derived (relations) as each entity saw them when it was last stitched.
    const related = new Map<string, Map<string, Set<string>>>();
    const keepRelations = (entity: Entity, ref: string, types: string[]) => {
      if (!Array.isArray(entity.relations)) return;
      related.set(
        ref,
        new Map(
          types.map(type => [type, new Set(relationTargets(entity, type))]),
        ),
      );
    };
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      if (!ref) continue;
      this.all.add(ref);
      const namespace = ref.slice(ref.indexOf(':') + 1, ref.indexOf('/'));
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      if (ref.startsWith('user:')) {
        keepRelations(entity, ref, ['memberOf']);
        this.users.set(ref, {
          entity,
          groups: new Set(refsFrom(spec.memberOf, 'group', namespace)),
        });
      } else if (ref.startsWith('group:')) {
        keepRelations(entity, ref, ['hasMember', 'childOf', 'parentOf']);
        this.groups.set(ref, {
          entity,
          parents: new Set(refsFrom(spec.parent, 'group', namespace)),
          children: new Set(refsFrom(spec.children, 'group', namespace)),
          members: new Set(refsFrom(spec.members, 'user', namespace)),
        });
      }
    }
    // A relation holds unless the entity at its other end is a catalog entity (it lists its
    // relations) without the reverse one: the catalog stitches the two ends at different times,
    // and a group still listing a member who has moved on (stitched before the move) must not keep
    // them in the team they left. What an entity declares in its spec always holds.
    const confirmed = (from: string, to: string, reverse: string) =>
      related.get(to)?.get(reverse)?.has(from) ?? true;
    for (const [ref, byType] of related) {
      const user = this.users.get(ref);
      const group = this.groups.get(ref);
      for (const target of byType.get('memberOf') ?? []) {
        if (confirmed(ref, target, 'hasMember')) user?.groups.add(target);
      }
      for (const target of byType.get('hasMember') ?? []) {
        if (confirmed(ref, target, 'memberOf')) group?.members.add(target);
      }
      for (const target of byType.get('childOf') ?? []) {
        if (confirmed(ref, target, 'parentOf')) group?.parents.add(target);
      }
      for (const target of byType.get('parentOf') ?? []) {
        if (confirmed(ref, target, 'childOf')) group?.children.add(target);
      }
    }
    // Links may be declared on either side; make them symmetric.
    for (const [userRef, user] of this.users) {
      for (const groupRef of user.groups) {
        this.groups.get(groupRef)?.members.add(userRef);
      }
    }
    for (const [groupRef, group] of this.groups) {
      for (const member of group.members) {
        this.users.get(member)?.groups.add(groupRef);
      }
      for (const parent of group.parents) {
        this.groups.get(parent)?.children.add(groupRef);
      }
      for (const child of group.children) {
        this.groups.get(child)?.parents.add(groupRef);
      }
    }
    // A group is non-empty when it or a descendant has an active member: walk up from each
    // group with a direct active member. The visited set makes cycles harmless.
    const queue: string[] = [];
    for (const [groupRef, group] of this.groups) {
      if ([...group.members].some(m => this.isActiveUser(m))) {
        this.nonEmpty.add(groupRef);
        queue.push(groupRef);
      }
    }
    while (queue.length) {
      const current = queue.pop()!;
      for (const parent of this.groups.get(current)?.parents ?? []) {
        if (this.groups.has(parent) && !this.nonEmpty.has(parent)) {
          this.nonEmpty.add(parent);
          queue.push(parent);
        }
      }
    }
  }

  isActiveUser(ref: string): boolean {
    const user = this.users.get(ref);
    return !!user && !this.isDeparted(user.entity);
  }

  hasMembers(groupRef: string): boolean {
    return this.nonEmpty.has(groupRef);
  }

  existingGroupsOf(userRef: string): string[] {
    return [...(this.users.get(userRef)?.groups ?? [])]
      .filter(g => this.groups.has(g))
      .sort();
  }

  /** The nearest group with members at or above `groupRef` (breadth first, cycle safe). */
  nearestTeam(groupRef: string, includeSelf: boolean): string | undefined {
    const seen = new Set<string>([groupRef]);
    let level = includeSelf
      ? [groupRef]
      : [...(this.groups.get(groupRef)?.parents ?? [])];
    while (level.length) {
      const next: string[] = [];
      for (const ref of level.sort()) {
        if (includeSelf || ref !== groupRef) {
          if (this.hasMembers(ref)) return ref;
        }
        seen.add(ref);
        for (const parent of this.groups.get(ref)?.parents ?? []) {
          if (!seen.has(parent)) {
            seen.add(parent);
            next.push(parent);
          }
        }
      }
      level = next;
    }
    return undefined;
  }

  /** The best team among candidate groups: the first with members, else a populated ancestor. */
  bestTeam(candidates: readonly string[]): string | undefined {
    const existing = candidates.filter(c => this.groups.has(c));
    return (
      existing.find(c => this.hasMembers(c)) ??
      existing.map(c => this.nearestTeam(c, false)).find(Boolean)
    );
  }
}

const graphs = new WeakMap<readonly Entity[], Map<string, OrgGraph>>();

/**
 * The org graph of the users and groups among `org`, with `marker` telling departed users, built
 * once per list: a caller passing the same list again (the kept org of the change re-check, batch
 * after batch) gets the same graph instead of a new one over every user and group. The list and
 * its entities must not change after the first call; a changed org is a new list.
 */
export function orgGraphOf(
  org: readonly Entity[],
  marker?: OwnerCheckOptions['departedMarker'],
): OrgGraph {
  const key = `${marker?.key ?? ''}\u0000${marker?.value ?? ''}`;
  let byMarker = graphs.get(org);
  if (!byMarker) {
    byMarker = new Map();
    graphs.set(org, byMarker);
  }
  let graph = byMarker.get(key);
  if (!graph) {
    graph = new OrgGraph(org, user => isMarkedDeparted(user, marker));
    byMarker.set(key, graph);
  }
  return graph;
}

/**
 * Whether a user carries the departed marker: the annotation or label `marker.key` (default
 * `lighthouse.acme/departed`) with the value `marker.value` (default `true`, any case).
 */
export function isMarkedDeparted(
  user: Entity,
  marker: OwnerCheckOptions['departedMarker'] = {},
): boolean {
  const key = marker.key || DEFAULT_DEPARTED_MARKER_KEY;
  const value = (marker.value ?? 'true').toLowerCase();
  return [user.metadata?.annotations?.[key], user.metadata?.labels?.[key]].some(
    v => typeof v === 'string' && v.trim().toLowerCase() === value,
  );
}
