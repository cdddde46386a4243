import type { Entity } from '@backstage/catalog-model';
import {
  OWNED_KINDS,
  OwnerFinding,
  OwnerFindingSeveritySetting,
  OwnerFindingType,
} from './types';

/** Severities used when config sets none. */
export const DEFAULT_SEVERITIES: Record<
  OwnerFindingType,
  OwnerFindingSeveritySetting
> = {
  missingOwner: 'error',
  invalidOwnerRef: 'error',
  ownerNotFound: 'error',
  ownerRefused: 'error',
  departedUser: 'error',
  emptyGroup: 'error',
  userOwner: 'warning',
};

/** The annotation or label key that marks a user as departed, by default. */
export const DEFAULT_DEPARTED_MARKER_KEY = 'lighthouse.acme/departed';

/** Options of {@link checkOwners}. */
export interface OwnerCheckOptions {
  severities?: Partial<Record<OwnerFindingType, OwnerFindingSeveritySetting>>;
  /** Annotation or label marking a departed user; its value must be `value` (default `true`). */
  departedMarker?: { key?: string; value?: string };
  /**
   * Groups each user belonged to when last seen (user ref to group refs), so a user who
   * left the catalog is recognised as departed and their former team suggested.
   */
  lastKnownTeams?: ReadonlyMap<string, readonly string[]>;
  /**
   * Users and groups the catalog refused (lower-case ref to the file that defines them, e.g.
   * `url:https://git.example/org.yaml`): an owner missing for that reason is `ownerRefused`.
   */
  refusedOwners?: ReadonlyMap<string, string>;
  /** Called for an entity the check could not process; the run carries on. */
  onError?: (entityRef: string, error: unknown) => void;
}

/** A parsed owner reference, lower case. */
export interface ParsedOwnerRef {
  kind: string;
  namespace: string;
  name: string;
  ref: string;
}

// kind:namespace/name with kind and namespace optional; no whitespace, ':' or '/' inside a part.
// Letters outside ASCII are allowed here: such an owner is then reported as not found, not as malformed.
const REF_PATTERN =
  /^(?:([^:/\s\p{C}]+):)?(?:([^:/\s\p{C}]+)\/)?([^:/\s\p{C}]+)$/u;

/**
 * Parses an owner reference the way the catalog does (default kind Group, default namespace
 * the entity's), returning undefined when it is malformed.
 */
export function parseOwnerRef(
  owner: string,
  defaultNamespace = 'default',
): ParsedOwnerRef | undefined {
  const match = REF_PATTERN.exec(owner);
  if (!match) {
    return undefined;
  }
  const kind = (match[1] ?? 'group').toLocaleLowerCase('en-US');
  const namespace = (match[2] ?? defaultNamespace).toLocaleLowerCase('en-US');
  const name = match[3].toLocaleLowerCase('en-US');
  return { kind, namespace, name, ref: `${kind}:${namespace}/${name}` };
}

/** The lower-case reference of an entity, or undefined when the entity lacks kind or name. */
export function entityRefOf(entity: Entity): string | undefined {
  const kind = entity?.kind;
  const name = entity?.metadata?.name;
  if (typeof kind !== 'string' || typeof name !== 'string' || !kind || !name) {
    return undefined;
  }
  const namespace =
    typeof entity.metadata.namespace === 'string' && entity.metadata.namespace
      ? entity.metadata.namespace
      : 'default';
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

function refsFrom(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string[] {
  let list: unknown[] = [];
  if (Array.isArray(value)) list = value;
  else if (value !== undefined) list = [value];
  const refs: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const match = REF_PATTERN.exec(item);
    if (!match) continue;
    const kind = (match[1] ?? defaultKind).toLocaleLowerCase('en-US');
    const namespace = (match[2] ?? defaultNamespace).toLocaleLowerCase('en-US');
    refs.push(`${kind}:${namespace}/${match[3].toLocaleLowerCase('en-US')}`);
  }
  return refs;
}

function relationTargets(entity: Entity, type: string): string[] {
  const relations = Array.isArray(entity.relations) ? entity.relations : [];
  return relations
    .filter(r => r && r.type === type && typeof r.targetRef === 'string')
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
}

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
class OrgGraph {
  readonly users = new Map<string, UserNode>();
  readonly groups = new Map<string, GroupNode>();
  readonly all = new Set<string>();
  private readonly nonEmpty = new Set<string>();

  constructor(
    entities: readonly Entity[],
    private readonly isDeparted: (user: Entity) => boolean,
  ) {
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      if (!ref) continue;
      this.all.add(ref);
      const namespace = ref.slice(ref.indexOf(':') + 1, ref.indexOf('/'));
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      if (ref.startsWith('user:')) {
        this.users.set(ref, {
          entity,
          groups: new Set([
            ...refsFrom(spec.memberOf, 'group', namespace),
            ...relationTargets(entity, 'memberOf'),
          ]),
        });
      } else if (ref.startsWith('group:')) {
        this.groups.set(ref, {
          entity,
          parents: new Set([
            ...refsFrom(spec.parent, 'group', namespace),
            ...relationTargets(entity, 'childOf'),
          ]),
          children: new Set([
            ...refsFrom(spec.children, 'group', namespace),
            ...relationTargets(entity, 'parentOf'),
          ]),
          members: new Set([
            ...refsFrom(spec.members, 'user', namespace),
            ...relationTargets(entity, 'hasMember'),
          ]),
        });
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

interface Problem {
  type: OwnerFindingType;
  message: string;
  suggestedOwner?: string;
  team?: string;
}

function problemsOf(
  entity: Entity,
  namespace: string,
  graph: OrgGraph,
  options: Required<
    Pick<OwnerCheckOptions, 'lastKnownTeams' | 'refusedOwners'>
  > & {
    markerKey: string;
  },
): { owner?: string; ownerRef?: string; problems: Problem[] } {
  const raw = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (raw === undefined || raw === null || raw === '') {
    return {
      problems: [
        {
          type: 'missingOwner',
          message: 'Has no owner: set spec.owner to the group that owns it',
        },
      ],
    };
  }
  if (typeof raw !== 'string') {
    return {
      problems: [
        {
          type: 'invalidOwnerRef',
          message: `Owner must be an entity reference string, not ${
            Array.isArray(raw) ? 'a list' : typeof raw
          }`,
        },
      ],
    };
  }
  const owner = raw;
  const parsed = parseOwnerRef(owner, namespace);
  if (!parsed) {
    return {
      owner,
      problems: [
        {
          type: 'invalidOwnerRef',
          message: `Owner '${owner}' is not a valid entity reference (expected [kind:][namespace/]name)`,
        },
      ],
    };
  }
  const ownerRef = parsed.ref;
  if (parsed.kind !== 'group' && parsed.kind !== 'user') {
    return {
      owner,
      ownerRef,
      problems: [
        {
          type: 'invalidOwnerRef',
          message: `Owner '${owner}' must be a Group or User, not a ${parsed.kind}`,
        },
      ],
    };
  }

  const refusedIn = options.refusedOwners.get(ownerRef);
  const missing = (team?: string): Problem =>
    refusedIn
      ? {
          type: 'ownerRefused',
          message: `Owner '${ownerRef}' is not in the catalog because the catalog refused its definition in ${refusedIn.replace(
            /^(url|file):/,
            '',
          )}`,
          team,
        }
      : {
          type: 'ownerNotFound',
          message: `Owner '${ownerRef}' does not exist in the catalog`,
          team,
        };

  if (parsed.kind === 'group') {
    if (!graph.groups.has(ownerRef)) {
      return {
        owner,
        ownerRef,
        problems: [missing(ownerRef)],
      };
    }
    if (!graph.hasMembers(ownerRef)) {
      return {
        owner,
        ownerRef,
        problems: [
          {
            type: 'emptyGroup',
            message: `Owner '${ownerRef}' has no members, directly or through its child groups`,
            suggestedOwner: graph.nearestTeam(ownerRef, false),
            team: ownerRef,
          },
        ],
      };
    }
    return { owner, ownerRef, problems: [] };
  }

  // The owner is a user.
  const user = graph.users.get(ownerRef);
  if (!user) {
    const formerTeams = options.lastKnownTeams.get(ownerRef);
    if (formerTeams) {
      const team = graph.bestTeam(formerTeams) ?? formerTeams[0];
      return {
        owner,
        ownerRef,
        problems: [
          {
            type: 'departedUser',
            message: `Owner '${ownerRef}' has left: the user is no longer in the catalog`,
            suggestedOwner: graph.bestTeam(formerTeams),
            team,
          },
        ],
      };
    }
    return {
      owner,
      ownerRef,
      problems: [missing()],
    };
  }
  const groups = graph.existingGroupsOf(ownerRef);
  const suggestedOwner = graph.bestTeam(groups);
  const team = suggestedOwner ?? groups[0];
  const problems: Problem[] = [];
  if (!graph.isActiveUser(ownerRef)) {
    problems.push({
      type: 'departedUser',
      message: `Owner '${ownerRef}' has left: the user is marked as departed (${options.markerKey})`,
      suggestedOwner,
      team,
    });
  } else if (groups.length === 0) {
    problems.push({
      type: 'departedUser',
      message: `Owner '${ownerRef}' belongs to no group, so has probably left`,
      team: options.lastKnownTeams.get(ownerRef)?.[0],
      suggestedOwner: graph.bestTeam(
        options.lastKnownTeams.get(ownerRef) ?? [],
      ),
    });
  }
  problems.push({
    type: 'userOwner',
    message: `Owner '${ownerRef}' is a person; ownership belongs with a group`,
    suggestedOwner,
    team,
  });
  return { owner, ownerRef, problems };
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

/**
 * Checks the owner of every entity of an owned kind against the users and groups among
 * `entities`. Pure: the same entities always give the same findings, sorted by entity ref.
 * At most one finding per entity: the most serious applicable type that is not switched off.
 */
export function checkOwners(
  entities: readonly Entity[],
  options: OwnerCheckOptions = {},
): OwnerFinding[] {
  const severities = { ...DEFAULT_SEVERITIES, ...options.severities };
  const markerKey = options.departedMarker?.key || DEFAULT_DEPARTED_MARKER_KEY;
  const graph = new OrgGraph(entities, user =>
    isMarkedDeparted(user, options.departedMarker),
  );
  const ownedKinds = new Set<string>(
    OWNED_KINDS.map(k => k.toLocaleLowerCase('en-US')),
  );
  const lastKnownTeams = options.lastKnownTeams ?? new Map();
  const refusedOwners = options.refusedOwners ?? new Map();

  const findings: OwnerFinding[] = [];
  for (const entity of entities) {
    const entityRef = entityRefOf(entity);
    if (!entityRef) continue;
    const kind = entityRef.slice(0, entityRef.indexOf(':'));
    if (!ownedKinds.has(kind)) continue;
    try {
      const namespace = entityRef.slice(
        entityRef.indexOf(':') + 1,
        entityRef.indexOf('/'),
      );
      const result = problemsOf(entity, namespace, graph, {
        lastKnownTeams,
        refusedOwners,
        markerKey,
      });
      const problem = result.problems.find(p => severities[p.type] !== 'off');
      if (!problem) continue;
      const finding: OwnerFinding = {
        entityRef,
        kind: entity.kind,
        namespace: entity.metadata.namespace || 'default',
        name: entity.metadata.name,
        type: problem.type,
        severity: severities[problem.type] === 'error' ? 'error' : 'warning',
        message: problem.message,
      };
      if (typeof entity.metadata.title === 'string') {
        finding.title = entity.metadata.title;
      }
      if (result.owner !== undefined) finding.owner = result.owner;
      if (result.ownerRef !== undefined) finding.ownerRef = result.ownerRef;
      if (problem.suggestedOwner)
        finding.suggestedOwner = problem.suggestedOwner;
      if (problem.team) finding.team = problem.team;
      findings.push(finding);
    } catch (error) {
      options.onError?.(entityRef, error);
    }
  }
  return findings.sort((a, b) => {
    if (a.entityRef === b.entityRef) return 0;
    return a.entityRef < b.entityRef ? -1 : 1;
  });
}

/**
 * The current group memberships of every user among `entities` (user ref to group refs),
 * to remember as last known teams.
 */
export function userTeams(entities: readonly Entity[]): Map<string, string[]> {
  const graph = new OrgGraph(entities, () => false);
  const teams = new Map<string, string[]>();
  for (const userRef of graph.users.keys()) {
    const groups = graph.existingGroupsOf(userRef);
    if (groups.length) teams.set(userRef, groups);
  }
  return teams;
}

/** Human titles of the finding types. */
export const FINDING_TYPE_TITLES: Record<OwnerFindingType, string> = {
  missingOwner: 'Missing owner',
  invalidOwnerRef: 'Invalid owner reference',
  ownerNotFound: 'Owner not found',
  ownerRefused: 'Owner refused by the catalog',
  departedUser: 'Owner has left',
  emptyGroup: 'Owner group has no members',
  userOwner: 'Owned by a person',
};
