import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Acceptance,
  groupByRepository,
  HandoverEntity,
} from '@internal/plugin-catalog-fixes-common';
import { ownerEdits, refOf } from '@internal/plugin-metadata-quality-common';
import { ChangeRequestRecord } from '../database/ChangeRequestStore';
import { HandoverRecord, HandoverStore } from '../database/HandoverStore';
import { ChangeOpener } from './ChangeOpener';
import { CommitAuthor } from './LocalGitChanges';

/** Who accepts: their ref, how they commit, their teams, and whether they may accept for any team. */
export interface Accepter {
  userRef: string;
  committer: CommitAuthor;
  /** The user's ownership refs (the user and their groups), normalised. */
  memberOf: string[];
  /** Holds catalog-fixes.handover.accept-any (the admins). */
  acceptAny: boolean;
}

/** How many repositories get their change request at once. */
const CONCURRENCY = 4;

function normalised(ref: string, field: string, defaultKind?: string): string {
  try {
    return refOf(
      parseEntityRef(ref.trim(), { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `${field}: '${ref}' is not an entity reference; write kind:namespace/name`,
    );
  }
}

const nameOf = (ref: string) => parseEntityRef(ref).name;

/** Runs `fn` on every item, `limit` at a time; settles all. */
async function settleAll<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/**
 * A team takes over entities of a handover: checks the selection, the team and the accepter,
 * claims the entities (all or none), and opens one change request per repository setting
 * spec.owner of every selected entity there. Entities whose change request could not be opened
 * are pending again.
 */
export class HandoverAcceptance {
  constructor(
    private readonly options: {
      store: HandoverStore;
      opener: ChangeOpener;
      /** The entities, as the accepter may see them, in the given order. */
      getEntities: (refs: string[]) => Promise<Array<Entity | undefined>>;
      /** Whether a group exists in the catalog. */
      isGroup: (ref: string) => Promise<boolean>;
      clock?: () => Date;
    },
  ) {}

  private async selection(
    handover: HandoverRecord,
    acceptance: Acceptance,
  ): Promise<HandoverEntity[]> {
    const byRef = new Map(handover.entities.map(e => [e.entityRef, e]));
    if (!acceptance.entityRefs) {
      const pending = handover.entities.filter(
        e => e.state === 'pending' && e.repository,
      );
      if (pending.length === 0) {
        throw new ConflictError(
          `Handover ${handover.id} has no pending entity a change request can be opened for`,
        );
      }
      return pending;
    }
    return [...new Set(acceptance.entityRefs)].map((raw, i) => {
      const entity = byRef.get(normalised(raw, `entityRefs.${i}`));
      if (!entity) {
        throw new InputError(
          `entityRefs.${i}: '${raw}' is not an entity of handover ${handover.id}`,
        );
      }
      if (!entity.repository) {
        throw new InputError(
          `entityRefs.${i}: no change request can be opened for '${
            entity.entityRef
          }': its file is not in a repository the portal writes to (${
            entity.provider ?? 'no location'
          }); change its owner by hand`,
        );
      }
      return entity;
    });
  }

  /** Accepts the handover's selected entities for the accepter; the change requests opened. */
  async accept(
    id: number,
    acceptance: Acceptance,
    accepter: Accepter,
  ): Promise<{
    handover: HandoverRecord;
    changeRequests: ChangeRequestRecord[];
  }> {
    const { store, opener } = this.options;
    const handover = await store.get(id);
    if (!handover) throw new NotFoundError(`No handover ${id}`);
    const selected = await this.selection(handover, acceptance);

    const picked =
      acceptance.team !== undefined
        ? normalised(acceptance.team, 'team', 'group')
        : undefined;
    if (picked && !(await this.options.isGroup(picked))) {
      throw new InputError(`team: no group '${picked}' in the catalog`);
    }
    const claims = selected.map(entity => {
      const team = picked ?? entity.suggestedTeam;
      if (!team) {
        throw new InputError(
          `team: no team is suggested for '${entity.entityRef}'; pick one`,
        );
      }
      const teams = [...new Set([team, entity.suggestedTeam])].filter(
        (t): t is string => !!t,
      );
      if (
        !accepter.acceptAny &&
        !teams.some(t => accepter.memberOf.includes(t))
      ) {
        throw new NotAllowedError(
          `Only members of ${teams.join(' or ')} or the admins may accept '${
            entity.entityRef
          }'`,
        );
      }
      return { entity, team };
    });
    const taken = selected.find(e => e.state !== 'pending');
    if (taken) {
      throw new ConflictError(
        `'${taken.entityRef}' is already ${
          taken.state === 'accepted' ? `accepted by ${taken.team}` : taken.state
        }`,
      );
    }
    const entities = await this.options.getEntities(
      selected.map(e => e.entityRef),
    );
    const missing = selected.find((_, i) => !entities[i]);
    if (missing) throw new NotFoundError(`No entity '${missing.entityRef}'`);

    const now = this.options.clock?.() ?? new Date();
    await store.claim(
      id,
      claims.map(c => ({ entityRef: c.entity.entityRef, team: c.team })),
      accepter.userRef,
      now,
    );
    const located = claims.map((c, i) => ({
      ...c,
      catalogEntity: entities[i]!,
      entityRef: c.entity.entityRef,
      repository: `${c.entity.provider}:${c.entity.repository}`,
      path: c.entity.path,
    }));
    const { repositories } = groupByRepository(located);
    const subject = nameOf(handover.subjectRef);
    const results = await settleAll(repositories, CONCURRENCY, async group => {
      const refs = group.entities.map(e => e.entityRef);
      try {
        const teams = [...new Set(group.entities.map(e => nameOf(e.team)))];
        const what =
          refs.length === 1 ? nameOf(refs[0]) : `${refs.length} entities`;
        const title = `Hand over ${what} of ${subject} to ${teams.join(', ')}`;
        const request = await opener.openChange(
          group.entities.map(e => ({
            entity: e.catalogEntity,
            edits: ownerEdits(e.catalogEntity, e.team),
            fix: { type: 'handover', handoverId: handover.id, owner: e.team },
          })),
          {
            branch: `catalog-fixes/handover-${id}-${subject
              .toLocaleLowerCase('en-US')
              .replace(/[^a-z0-9-]+/g, '-')
              .slice(0, 40)}-${now.getTime().toString(36)}`,
            title,
            body: `Handover ${id} in Lighthouse, accepted by ${
              accepter.userRef
            }: ${refs.join(', ')} now belong to ${teams.join(', ')}.`,
            author: accepter.userRef,
            committer: accepter.committer,
            createdAt: now,
          },
        );
        await store.attach(id, refs, request.id);
        return request;
      } catch (error) {
        await store.release(id, refs);
        throw error;
      }
    });
    const failed = results.find(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    if (failed) throw failed.reason;
    return {
      handover: (await store.get(id))!,
      changeRequests: results.map(
        r => (r as PromiseFulfilledResult<ChangeRequestRecord>).value,
      ),
    };
  }
}
