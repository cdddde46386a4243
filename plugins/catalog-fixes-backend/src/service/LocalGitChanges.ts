import { ConflictError } from '@backstage/errors';
import {
  git,
  LocalGitRepositories,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The file a change is made on: its text, blob hash, and the default branch's commit. */
export interface BaseFile {
  content: string;
  baseHash: string;
  baseCommit: string;
}

/** Who a commit is by. */
export interface CommitAuthor {
  name: string;
  email: string;
}

/** The message of a stale change request's refusal; the API and the frontend say it as it is. */
export const STALE_MESSAGE = 'the file changed since; propose again';

// The portal commits what it re-makes on a moved default branch; the change keeps its author.
const COMMITTER = [
  '-c',
  'user.name=Lighthouse',
  '-c',
  'user.email=lighthouse@localhost',
];

/**
 * Change requests in the repositories `publish:local-git` created: a branch and a commit in the bare
 * repository, merged by fast-forwarding its default branch and updating the checkout the catalog
 * reads. Git runs with argument arrays (never a shell), on names `LocalGitRepositories` checked.
 */
export class LocalGitChanges {
  constructor(private readonly repositories: LocalGitRepositories) {}

  /** The repository and relative path of a file inside a checkout, or undefined. */
  locate(file: string): { repository: string; path: string } | undefined {
    const checkouts = path.join(this.repositories.root, 'checkouts');
    const relative = path.relative(checkouts, path.resolve(file));
    if (relative.startsWith('..') || path.isAbsolute(relative))
      return undefined;
    const [repository, ...rest] = relative.split(path.sep);
    if (rest.length === 0) return undefined;
    try {
      this.repositories.paths(repository);
    } catch {
      return undefined;
    }
    return { repository, path: rest.join('/') };
  }

  private async defaultBranch(bare: string): Promise<string> {
    return (await git(['symbolic-ref', '--short', 'HEAD'], bare)).trim();
  }

  private async blobHash(bare: string, commit: string, file: string) {
    try {
      return (await git(['rev-parse', `${commit}:${file}`], bare)).trim();
    } catch {
      return undefined;
    }
  }

  /** Whether the checkout's copy of the file is the blob `hash` (nobody edited it there). */
  private async checkoutHas(repository: string, file: string, hash: string) {
    const { checkout } = this.repositories.paths(repository);
    try {
      const own = await git(['hash-object', '--', file], checkout);
      return own.trim() === hash;
    } catch {
      return false;
    }
  }

  /** The file on the default branch; refused while the checkout holds uncommitted edits of it. */
  async read(repository: string, file: string): Promise<BaseFile> {
    const { bare } = this.repositories.paths(repository);
    const branch = await this.defaultBranch(bare);
    const baseCommit = (
      await git(['rev-parse', `refs/heads/${branch}`], bare)
    ).trim();
    const baseHash = await this.blobHash(bare, baseCommit, file);
    if (!baseHash) {
      throw new ConflictError(
        `'${file}' is not on the ${branch} branch of '${repository}'`,
      );
    }
    if (!(await this.checkoutHas(repository, file, baseHash))) {
      throw new ConflictError(
        `The checkout of '${repository}' has edits of ${file} that are not committed; commit them first`,
      );
    }
    const content = await git(['cat-file', 'blob', baseHash], bare);
    return { content, baseHash, baseCommit };
  }

  /** Runs `fn` in a fresh clone of the repository, removed afterwards. */
  private async inClone<T>(
    repository: string,
    fn: (dir: string) => Promise<T>,
  ) {
    const { bare } = this.repositories.paths(repository);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-fixes-'));
    try {
      await git(['clone', '--quiet', '--no-checkout', bare, dir], os.tmpdir());
      return await fn(dir);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /** Commits the files on a new branch from `baseCommit`; returns the commit. */
  async commit(options: {
    repository: string;
    baseCommit: string;
    branch: string;
    files: Array<{ path: string; content: string }>;
    message: string;
    author: CommitAuthor;
  }): Promise<string> {
    const { repository, baseCommit, branch, files, message, author } = options;
    return this.inClone(repository, async dir => {
      await git(['checkout', '--quiet', '-b', branch, baseCommit], dir);
      for (const file of files) {
        await fs.writeFile(path.join(dir, file.path), file.content);
        await git(['add', '--', file.path], dir);
      }
      await git(
        [
          ...COMMITTER,
          'commit',
          '--quiet',
          `--author=${author.name} <${author.email}>`,
          '-m',
          message,
        ],
        dir,
      );
      await git(
        ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`],
        dir,
      );
      return (await git(['rev-parse', 'HEAD'], dir)).trim();
    });
  }

  /**
   * Fast-forwards the default branch to the change and updates the checkout. When the default
   * branch moved but none of the files did, the change is re-made on it first; when a file moved,
   * nothing is merged (`ConflictError`, {@link STALE_MESSAGE}).
   */
  async merge(options: {
    repository: string;
    branch: string;
    baseCommit: string;
    headCommit: string;
    files: Array<{ path: string; baseHash: string }>;
  }): Promise<string> {
    const { repository, branch, baseCommit, headCommit, files } = options;
    const { bare, checkout } = this.repositories.paths(repository);
    const defaultBranch = await this.defaultBranch(bare);
    const head = (
      await git(['rev-parse', `refs/heads/${defaultBranch}`], bare)
    ).trim();
    for (const file of files) {
      const now = await this.blobHash(bare, head, file.path);
      if (
        now !== file.baseHash ||
        !(await this.checkoutHas(repository, file.path, file.baseHash))
      ) {
        throw new ConflictError(STALE_MESSAGE);
      }
    }
    const target =
      head === baseCommit
        ? headCommit
        : await this.inClone(repository, async dir => {
            await git(['checkout', '--quiet', head], dir);
            await git([...COMMITTER, 'cherry-pick', headCommit], dir);
            const remade = (await git(['rev-parse', 'HEAD'], dir)).trim();
            await git(
              [
                'push',
                '--quiet',
                '--force',
                'origin',
                `HEAD:refs/heads/${branch}`,
              ],
              dir,
            );
            return remade;
          });
    try {
      // Moves the branch only if it is still at `head`: a concurrent push is never overwritten.
      await git(
        ['update-ref', `refs/heads/${defaultBranch}`, target, head],
        bare,
      );
    } catch {
      throw new ConflictError(STALE_MESSAGE);
    }
    await git(
      ['pull', '--quiet', '--ff-only', 'origin', defaultBranch],
      checkout,
    );
    return target;
  }

  /** Deletes a change's branch (a rejected change request). */
  async discard(repository: string, branch: string): Promise<void> {
    const { bare } = this.repositories.paths(repository);
    await git(['update-ref', '-d', `refs/heads/${branch}`], bare);
  }
}
