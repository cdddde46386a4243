import type { OwnerCheckOptions } from './checkOwners';
import { OrgGraph } from './OrgGraph';
import { parseOwnerRef } from './ownerRefs';
import { OwnerFindingType } from './types';

/** One ownership problem, before severities are applied. */
export interface Problem {
  type: OwnerFindingType;
  message: string;
  suggestedOwner?: string;
  team?: string;
}

/** Every problem of an owner (`spec.owner` as written), most serious first. */
export function problemsOf(
  raw: unknown,
  namespace: string,
  graph: OrgGraph,
  options: Required<
    Pick<OwnerCheckOptions, 'lastKnownTeams' | 'refusedOwners'>
  > & {
    markerKey: string;
  },
): { owner?: string; ownerRef?: string; problems: Problem[] } {
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
