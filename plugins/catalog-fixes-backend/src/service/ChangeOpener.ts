import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ChangeRequestEntity,
  editCatalogInfo,
  unifiedDiff,
} from '@internal/plugin-catalog-fixes-common';
import { EntityEdit, refOf } from '@internal/plugin-metadata-quality-common';
import fs from 'node:fs/promises';
import {
  ChangeRequestEntityRecord,
  ChangeRequestRecord,
  ChangeRequestStore,
} from '../database/ChangeRequestStore';
import { BaseFile, CommitAuthor, LocalGitChanges } from './LocalGitChanges';
import { RemoteChanges } from './RemoteChanges';
import { blobHash, Source } from './sources';

/** A source a change request can be opened at. */
export type OpenableSource = Extract<
  Source,
  { type: 'local-git' | 'github' | 'gitlab' }
>;

/** One file of a change: where, as read, and its new text. */
export interface FileChange {
  source: OpenableSource;
  base: BaseFile;
  content: string;
}

/** The edits of one entity, in a change of several. */
export interface EntityChange {
  entity: Entity;
  edits: EntityEdit[];
  fix: ChangeRequestEntity['fix'];
}

/** Who opens a change request, and how it reads. */
export interface ChangeMeta {
  branch: string;
  title: string;
  body: string;
  author: string;
  committer: CommitAuthor;
  createdAt: Date;
}

/**
 * Reads entity files where they live and opens change requests there: a branch and one commit in
 * a local git repository, a pull request on GitHub, a merge request on GitLab; then stores it.
 */
export class ChangeOpener {
  constructor(
    private readonly options: {
      store: ChangeRequestStore;
      localGit: LocalGitChanges;
      remote: RemoteChanges;
      resolveSource: (entity: Entity) => Source | undefined;
    },
  ) {}

  /** Where the entity's file is; undefined when its location names none the portal reads. */
  sourceOf(entity: Entity): Source | undefined {
    return this.options.resolveSource(entity);
  }

  /** The file as it is on the default branch (or on disk, for a file location). */
  async readBase(source: Source): Promise<BaseFile> {
    switch (source.type) {
      case 'local-git':
        return this.options.localGit.read(source.repository, source.path);
      case 'github':
      case 'gitlab':
        return this.options.remote.read(source);
      case 'file': {
        const content = await fs.readFile(source.file, 'utf8').catch(() => {
          throw new NotFoundError(
            `The file of the entity, ${source.path}, cannot be read`,
          );
        });
        return { content, baseHash: blobHash(content), baseCommit: '' };
      }
      default:
        throw new InputError(`entityRef: ${source.reason}`);
    }
  }

  /** Commits the files (local git) or opens the pull or merge request, and stores the request. */
  async open(
    files: FileChange[],
    entities: ChangeRequestEntityRecord[],
    diff: string,
    meta: ChangeMeta,
  ): Promise<ChangeRequestRecord> {
    const [{ source, base }] = files;
    let headCommit: string;
    let url: string | undefined;
    if (source.type === 'local-git') {
      headCommit = await this.options.localGit.commit({
        repository: source.repository,
        baseCommit: base.baseCommit,
        branch: meta.branch,
        files: files.map(f => ({ path: f.source.path, content: f.content })),
        message: `${meta.title}\n\n${meta.body}`,
        author: meta.committer,
      });
    } else {
      ({ headCommit, url } = await this.options.remote.open({
        files: files.map(f => ({
          file: f.source as Extract<Source, { type: 'github' | 'gitlab' }>,
          base: f.base,
          content: f.content,
        })),
        branch: meta.branch,
        title: meta.title,
        body: meta.body,
      }));
    }
    return this.options.store.create({
      provider: source.type,
      repository: source.repository,
      branch: meta.branch,
      baseCommit: base.baseCommit,
      headCommit,
      title: meta.title,
      diff,
      author: meta.author,
      createdAt: meta.createdAt,
      ...(url ? { url } : {}),
      entities,
    });
  }

  /**
   * One change request for edits of several entities of one repository: every file read once,
   * each entity's edits applied to its document, one branch with every file changed.
   */
  async openChange(
    changes: EntityChange[],
    meta: ChangeMeta,
  ): Promise<ChangeRequestRecord> {
    const files = new Map<string, FileChange & { original: string }>();
    const entities: ChangeRequestEntityRecord[] = [];
    let repository: string | undefined;
    for (const { entity, edits, fix } of changes) {
      const ref = refOf(entity);
      const source = this.sourceOf(entity);
      if (
        !source ||
        (source.type !== 'local-git' &&
          source.type !== 'github' &&
          source.type !== 'gitlab')
      ) {
        throw new InputError(
          `entityRefs: no change request can be opened for '${ref}': ${
            source && 'reason' in source
              ? source.reason
              : 'it has no backstage.io/managed-by-location the portal can read'
          }`,
        );
      }
      const key = `${source.type}:${source.repository}`;
      if (repository && repository !== key) {
        throw new InputError(
          `entityRefs: '${ref}' is in ${key}, not ${repository}; one change request changes one repository`,
        );
      }
      repository = key;
      let file = files.get(source.path);
      if (!file) {
        const base = await this.readBase(source);
        file = { source, base, content: base.content, original: base.content };
        files.set(source.path, file);
      }
      file.content = editCatalogInfo(
        file.content,
        getCompoundEntityRef(entity),
        edits,
      );
      entities.push({
        entityRef: ref,
        path: source.path,
        baseHash: file.base.baseHash,
        fix,
      });
    }
    const changed = [...files.values()].filter(f => f.content !== f.original);
    if (changed.length === 0) {
      throw new InputError(
        'entityRefs: the files already have these changes; the catalog shows them after its next refresh',
      );
    }
    const diff = changed
      .map(f => unifiedDiff(f.source.path, f.original, f.content))
      .join('');
    return this.open(changed, entities, diff, meta);
  }
}
