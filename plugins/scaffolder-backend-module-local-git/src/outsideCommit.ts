import { git } from './LocalGitRepositories';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A commit someone makes outside the portal, to a repository the portal created: what tests and
 * benchmarks use to change a file under the portal, as a developer would.
 */
export interface OutsideCommit {
  /** The bare repository (`<repositories>/<name>.git`). */
  bare: string;
  /** Each file to write, by its path in the repository, from its current text (undefined if new). */
  edits: Record<string, (text: string | undefined) => string>;
  /** The commit message. */
  message: string;
  /** The portal's checkout of the repository, pulled after the push when given. */
  checkout?: string;
}

/**
 * Commits `edits` as a developer would, in a clone of their own (user "Dev"), pushes to the default
 * branch and, when given, fast-forwards the portal's checkout. Returns the new head.
 */
export async function commitOutsidePortal(
  commit: OutsideCommit,
): Promise<string> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-outside-'));
  try {
    await git(['clone', '--quiet', commit.bare, work], os.tmpdir());
    for (const [file, edit] of Object.entries(commit.edits)) {
      const target = path.join(work, file);
      const text = await fs.readFile(target, 'utf8').catch(() => undefined);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, edit(text));
      await git(['add', file], work);
    }
    await git(
      [
        '-c',
        'user.name=Dev',
        '-c',
        'user.email=dev@example.com',
        'commit',
        '--quiet',
        '-m',
        commit.message,
      ],
      work,
    );
    await git(['push', '--quiet', 'origin', 'HEAD'], work);
    if (commit.checkout) {
      await git(['pull', '--quiet', '--ff-only'], commit.checkout);
    }
    return (await git(['rev-parse', 'HEAD'], work)).trim();
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
