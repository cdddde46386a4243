import type { Entity } from '@backstage/catalog-model';
import {
  OWNED_KINDS,
  OwnerFinding,
  OwnerFindingSeveritySetting,
  OwnerFindingType,
} from './types';
import { DEFAULT_DEPARTED_MARKER_KEY, orgGraphOf } from './OrgGraph';
import { problemsOf } from './ownerProblems';
import { entityRefOf } from './ownerRefs';

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

/** Checks entities' owners against one org, built once and asked per entity. */
export interface OwnerChecker {
  /**
   * The finding of one entity (the most serious applicable type that is not switched off), or
   * undefined when its owner is fine or it is not of an owned kind.
   */
  check(entity: Entity): OwnerFinding | undefined;
  /**
   * The problem of an owner as it would be written in `spec.owner` of an entity in `namespace`
   * (a template's owner field), or undefined when it is fine.
   */
  checkOwner(owner: unknown, namespace?: string): OwnerProblem | undefined;
}

/** What is wrong with an owner, with the severity in force. */
export type OwnerProblem = Pick<
  OwnerFinding,
  'type' | 'severity' | 'message' | 'suggestedOwner' | 'team' | 'ownerRef'
>;

/**
 * An owner checker for the users and groups among `org` (other entities are ignored): the org
 * graph is built once, so a caller checking many entities, or one entity at a time over a while
 * (the strict-mode processor, the scaffolder action), does not rebuild it per entity.
 */
export function createOwnerChecker(
  org: readonly Entity[],
  options: OwnerCheckOptions = {},
): OwnerChecker {
  const severities = { ...DEFAULT_SEVERITIES, ...options.severities };
  const markerKey = options.departedMarker?.key || DEFAULT_DEPARTED_MARKER_KEY;
  const graph = orgGraphOf(org, options.departedMarker);
  const ownedKinds = new Set<string>(
    OWNED_KINDS.map(k => k.toLocaleLowerCase('en-US')),
  );
  const lastKnownTeams = options.lastKnownTeams ?? new Map();
  const refusedOwners = options.refusedOwners ?? new Map();

  const firstProblem = (owner: unknown, namespace: string) => {
    const result = problemsOf(owner, namespace, graph, {
      lastKnownTeams,
      refusedOwners,
      markerKey,
    });
    const problem = result.problems.find(p => severities[p.type] !== 'off');
    return problem && { result, problem };
  };

  return {
    checkOwner(owner, namespace = 'default') {
      const found = firstProblem(owner, namespace.toLocaleLowerCase('en-US'));
      if (!found) return undefined;
      const { result, problem } = found;
      return {
        type: problem.type,
        severity: severities[problem.type] === 'error' ? 'error' : 'warning',
        message: problem.message,
        ...(result.ownerRef ? { ownerRef: result.ownerRef } : {}),
        ...(problem.suggestedOwner
          ? { suggestedOwner: problem.suggestedOwner }
          : {}),
        ...(problem.team ? { team: problem.team } : {}),
      };
    },
    check(entity) {
      const entityRef = entityRefOf(entity);
      if (!entityRef) return undefined;
      const kind = entityRef.slice(0, entityRef.indexOf(':'));
      if (!ownedKinds.has(kind)) return undefined;
      const namespace = entityRef.slice(
        entityRef.indexOf(':') + 1,
        entityRef.indexOf('/'),
      );
      const found = firstProblem(
        (entity.spec as Record<string, unknown> | undefined)?.owner,
        namespace,
      );
      if (!found) return undefined;
      const { result, problem } = found;
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
      if (problem.suggestedOwner) {
        finding.suggestedOwner = problem.suggestedOwner;
      }
      if (problem.team) finding.team = problem.team;
      return finding;
    },
  };
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
  const checker = createOwnerChecker(entities, options);
  const findings: OwnerFinding[] = [];
  for (const entity of entities) {
    try {
      const finding = checker.check(entity);
      if (finding) findings.push(finding);
    } catch (error) {
      options.onError?.(
        entityRefOf(entity) ?? String(entity?.metadata?.name),
        error,
      );
    }
  }
  return findings.sort((a, b) => {
    if (a.entityRef === b.entityRef) return 0;
    return a.entityRef < b.entityRef ? -1 : 1;
  });
}

/**
 * The current group memberships of every user among `entities` (user ref to group refs), or of
 * the `users` among them only, to remember as last known teams.
 */
export function userTeams(
  entities: readonly Entity[],
  users?: Iterable<string>,
): Map<string, string[]> {
  const graph = orgGraphOf(entities);
  const teams = new Map<string, string[]>();
  for (const userRef of users ?? graph.users.keys()) {
    const groups = graph.existingGroupsOf(userRef);
    if (groups.length) teams.set(userRef, groups);
  }
  return teams;
}
