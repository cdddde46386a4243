import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Default folder of the offline repositories, relative to the backend's working directory. */
export const DEFAULT_LOCAL_GIT_ROOT = '../../.data/repositories';

/** Topic the scaffolder publishes on after creating a repository, so the catalog rescans at once. */
export const LOCAL_GIT_EVENT_TOPIC = 'local-git.repositories';

// Kebab-case: it becomes a folder name and part of git arguments, so nothing else gets through.
const REPO_NAME = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$/;
const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/** Refuses a repository name that is not lowercase kebab-case (so no `../`, spaces or shell characters). */
export function assertRepoName(name: string, field = 'repoName') {
  if (!REPO_NAME.test(name)) {
    throw new InputError(
      `${field}: '${name}' is not a valid repository name; use 2-63 lowercase letters, digits and single dashes`,
    );
  }
}

/** Where one repository lives. */
export interface LocalGitRepositoryPaths {
  /** The bare repository, `<root>/<name>.git`. */
  bare: string;
  /** The working checkout the catalog and TechDocs read, `<root>/checkouts/<name>`. */
  checkout: string;
}

/** Who commits the first revision. */
export interface GitAuthor {
  name: string;
  email: string;
}

/** Runs git with an argument array (never a shell). */
export function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          ...process.env,
          // No prompts, no user or system config changing what a commit looks like.
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
        },
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${stderr.trim() || error.message}`,
            ),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

async function exists(p: string) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** The folder of offline repositories: bare repositories plus one working checkout each. */
export class LocalGitRepositories {
  /** Reads `scaffolder.localGit.root`, relative to the backend's working directory. */
  static fromConfig(config: RootConfigService) {
    return new LocalGitRepositories(
      path.resolve(
        config.getOptionalString('scaffolder.localGit.root') ??
          DEFAULT_LOCAL_GIT_ROOT,
      ),
    );
  }

  constructor(readonly root: string) {}

  /** The paths of a repository; the name must be safe. */
  paths(name: string): LocalGitRepositoryPaths {
    assertRepoName(name);
    return {
      bare: path.join(this.root, `${name}.git`),
      checkout: path.join(this.root, 'checkouts', name),
    };
  }

  /** Whether anything of a repository already exists. */
  async exists(name: string) {
    const { bare, checkout } = this.paths(name);
    return (await exists(bare)) || (await exists(checkout));
  }

  /**
   * Creates `<root>/<name>.git` from the files in `sourceDir`, one commit on `defaultBranch`, and a
   * checkout of it. Refuses an existing repository; on failure removes what it created.
   */
  async create(options: {
    name: string;
    sourceDir: string;
    defaultBranch: string;
    description?: string;
    author: GitAuthor;
    message: string;
  }): Promise<LocalGitRepositoryPaths> {
    const { name, sourceDir, defaultBranch, author, message } = options;
    const paths = this.paths(name);
    if (!BRANCH_NAME.test(defaultBranch) || defaultBranch.includes('..')) {
      throw new InputError(
        `defaultBranch: '${defaultBranch}' is not a valid branch name`,
      );
    }
    if (await this.exists(name)) {
      throw new InputError(
        `repoName: a repository '${name}' already exists in ${this.root}`,
      );
    }
    await fs.mkdir(path.join(this.root, 'checkouts'), { recursive: true });
    // Claim the name atomically, so two tasks cannot both create it.
    try {
      await fs.mkdir(paths.bare);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new InputError(
          `repoName: a repository '${name}' already exists in ${this.root}`,
        );
      }
      throw e;
    }
    const staging = await fs.mkdtemp(path.join(this.root, `.${name}-`));
    try {
      await git(['init', '--bare', '--quiet', paths.bare], this.root);
      await git(
        ['symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`],
        paths.bare,
      );
      if (options.description) {
        await fs.writeFile(
          path.join(paths.bare, 'description'),
          `${options.description}\n`,
        );
      }
      // Commit from a copy, so the task's workspace is left as the template rendered it.
      await fs.cp(sourceDir, staging, {
        recursive: true,
        filter: src => path.basename(src) !== '.git',
      });
      await git(['init', '--quiet', '.'], staging);
      await git(['checkout', '--quiet', '-b', defaultBranch], staging);
      await git(['add', '--all'], staging);
      await git(
        [
          '-c',
          `user.name=${author.name}`,
          '-c',
          `user.email=${author.email}`,
          'commit',
          '--quiet',
          '--allow-empty',
          '-m',
          message,
        ],
        staging,
      );
      await git(
        ['push', '--quiet', paths.bare, `HEAD:refs/heads/${defaultBranch}`],
        staging,
      );
      await git(
        [
          'clone',
          '--quiet',
          '--branch',
          defaultBranch,
          paths.bare,
          paths.checkout,
        ],
        this.root,
      );
      return paths;
    } catch (e) {
      await this.remove(name);
      throw e;
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  /** Removes a repository and its checkout. */
  async remove(name: string) {
    const { bare, checkout } = this.paths(name);
    await fs.rm(checkout, { recursive: true, force: true });
    await fs.rm(bare, { recursive: true, force: true });
  }

  /** Names of the repositories that have a checkout. */
  async list(): Promise<string[]> {
    try {
      const entries = await fs.readdir(path.join(this.root, 'checkouts'), {
        withFileTypes: true,
      });
      return entries
        .filter(e => e.isDirectory() && REPO_NAME.test(e.name))
        .map(e => e.name)
        .sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }
}
