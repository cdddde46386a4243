import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ChangeRequestEntity,
  editCatalogInfo,
  Fix,
  Preview,
  Proposal,
  unifiedDiff,
} from '@internal/plugin-catalog-fixes-common';
import { refOf } from '@internal/plugin-metadata-quality-common';
import {
  ChangeRequestRecord,
  ChangeRequestStore,
} from '../database/ChangeRequestStore';
import { ChangeOpener } from './ChangeOpener';
import { FixEdits } from './FixEdits';
import { BaseFile, CommitAuthor, LocalGitChanges } from './LocalGitChanges';
import { Source } from './sources';

/** A fix worked out on the file as it is now. */
interface PreparedFix {
  entity: Entity;
  source: Source;
  base: BaseFile;
  content: string;
  preview: Preview;
}

/** Whether a stored change does what `fix` does (a handover sets the owner, as an owner fix). */
const sameFix = (stored: ChangeRequestEntity['fix'], fix: Fix) =>
  stored.type === 'handover'
    ? fix.type === 'owner'
    : stored.type === fix.type &&
      (stored.type === 'owner' ||
        (fix.type === 'rule' && stored.ruleId === fix.ruleId));

function branchName(entity: Entity, fix: Fix, now: Date): string {
  const what = fix.type === 'owner' ? 'owner' : fix.ruleId;
  const slug = `${entity.metadata.name}-${what}`
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 60);
  return `catalog-fixes/${slug}-${now.getTime().toString(36)}`;
}

/**
 * Previews and opens change requests for fixes, and merges or rejects those in local git
 * repositories. Callers check permissions; this reads the entity with the caller's credentials.
 */
export class FixProposals {
  constructor(
    private readonly options: {
      store: ChangeRequestStore;
      fixEdits: FixEdits;
      localGit: LocalGitChanges;
      opener: ChangeOpener;
      /** The entity, as the caller may see it. */
      getEntity: (ref: string) => Promise<Entity | undefined>;
      /** Called after a merge with the merged entities: refresh them, re-check their findings. */
      onMerged: (entityRefs: string[]) => void;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  private async prepare(proposal: Proposal): Promise<PreparedFix> {
    const ref = parseRef(proposal.entityRef);
    const entity = await this.options.getEntity(ref);
    if (!entity) throw new NotFoundError(`No entity '${ref}'`);
    const { edits, title } = await this.options.fixEdits.resolve(
      entity,
      proposal.fix,
    );
    const source = this.options.opener.sourceOf(entity);
    if (!source) {
      throw new InputError(
        `entityRef: '${ref}' has no backstage.io/managed-by-location the portal can read, so its file is unknown`,
      );
    }
    if (source.type === 'url') {
      throw new InputError(`entityRef: ${source.reason}`);
    }
    const base = await this.options.opener.readBase(source);
    const content = editCatalogInfo(
      base.content,
      getCompoundEntityRef(entity),
      edits,
    );
    const diff = unifiedDiff(source.path, base.content, content);
    if (!diff) {
      throw new InputError(
        `fix: the file of '${ref}' already has this change; the catalog shows it after its next refresh`,
      );
    }
    const canOpen = source.type !== 'file';
    return {
      entity,
      source,
      base,
      content,
      preview: {
        entityRef: ref,
        fix: proposal.fix,
        title,
        path: source.path,
        diff,
        baseHash: base.baseHash,
        target: {
          type: source.type,
          canOpen,
          ...(source.type === 'file' ? { reason: source.reason } : {}),
          ...('repository' in source ? { repository: source.repository } : {}),
          location: source.location,
        },
      },
    };
  }

  /** The diff a fix makes, and whether a change request can be opened for it. */
  async preview(proposal: Proposal): Promise<Preview> {
    return (await this.prepare(proposal)).preview;
  }

  /** Opens a change request for a fix, by `author` (a user ref) committing as `committer`. */
  async propose(
    proposal: Proposal,
    author: string,
    committer: CommitAuthor,
  ): Promise<ChangeRequestRecord> {
    const { entity, source, base, content, preview } = await this.prepare(
      proposal,
    );
    if (proposal.baseHash && proposal.baseHash !== base.baseHash) {
      throw new ConflictError('the file changed since; propose again');
    }
    if (source.type === 'file' || source.type === 'url') {
      throw new InputError(`entityRef: ${source.reason}`);
    }
    const open = await this.options.store.list({
      status: 'open',
      entityRef: preview.entityRef,
      limit: 100,
      offset: 0,
    });
    const same = open.items.find(cr =>
      cr.entities.some(
        e => e.entityRef === preview.entityRef && sameFix(e.fix, proposal.fix),
      ),
    );
    if (same) {
      throw new ConflictError(
        `Change request #${same.id} already proposes this fix of '${preview.entityRef}'`,
      );
    }
    const now = this.now();
    return this.options.opener.open(
      [{ source, base, content }],
      [
        {
          entityRef: preview.entityRef,
          path: source.path,
          baseHash: base.baseHash,
          fix: proposal.fix,
        },
      ],
      preview.diff,
      {
        branch: branchName(entity, proposal.fix, now),
        title: preview.title,
        body: `Proposed in Lighthouse by ${author}: ${preview.title}.`,
        author,
        committer,
        createdAt: now,
      },
    );
  }

  private async openLocal(id: number): Promise<ChangeRequestRecord> {
    const request = await this.options.store.get(id);
    if (!request) throw new NotFoundError(`No change request ${id}`);
    if (request.status !== 'open') {
      throw new ConflictError(
        `Change request ${id} is already ${request.status}`,
      );
    }
    if (request.provider !== 'local-git') {
      throw new InputError(
        `Change request ${id} is a ${
          request.provider === 'github' ? 'pull' : 'merge'
        } request: merge or close it at ${request.url}`,
      );
    }
    return request;
  }

  /** Merges an open local-git change request (see {@link LocalGitChanges.merge}). */
  async merge(id: number, decidedBy: string): Promise<ChangeRequestRecord> {
    const request = await this.openLocal(id);
    const files = new Map(request.entities.map(e => [e.path, e.baseHash]));
    const headCommit = await this.options.localGit.merge({
      repository: request.repository,
      branch: request.branch,
      baseCommit: request.baseCommit,
      headCommit: request.headCommit!,
      files: [...files].map(([path, baseHash]) => ({ path, baseHash })),
    });
    const merged = await this.options.store.decide(id, {
      status: 'merged',
      decidedBy,
      decidedAt: this.now(),
      headCommit,
    });
    this.options.onMerged(request.entities.map(e => e.entityRef));
    return merged ?? request;
  }

  /** Closes an open change request with a reason, deleting its branch. */
  async reject(
    id: number,
    decidedBy: string,
    reason: string,
  ): Promise<ChangeRequestRecord> {
    const request = await this.openLocal(id);
    const rejected = await this.options.store.decide(id, {
      status: 'rejected',
      decidedBy,
      decidedAt: this.now(),
      reason,
    });
    if (!rejected)
      throw new ConflictError(`Change request ${id} is no longer open`);
    await this.options.localGit.discard(request.repository, request.branch);
    return rejected;
  }
}

/** A ref from a request, normalised; refused with the field named when it is not one. */
function parseRef(ref: string): string {
  try {
    return refOf(parseEntityRef(ref.trim(), { defaultNamespace: 'default' }));
  } catch {
    throw new InputError(
      `entityRef: '${ref}' is not an entity reference; write kind:namespace/name, e.g. component:default/parcels`,
    );
  }
}
