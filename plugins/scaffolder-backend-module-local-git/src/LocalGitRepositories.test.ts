import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalGitRepositories, git } from './LocalGitRepositories';
import { createPublishLocalGitAction } from './actions/publishLocalGit';
import { mainEntityRef } from './actions/registerLocalGit';

const author = { name: 'Lighthouse', email: 'lighthouse@acme.example' };

describe('LocalGitRepositories', () => {
  let work: string;
  let source: string;
  let repositories: LocalGitRepositories;

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
    source = path.join(work, 'workspace');
    fs.mkdirSync(path.join(source, 'docs'), { recursive: true });
    fs.writeFileSync(
      path.join(source, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    fs.writeFileSync(path.join(source, 'docs', 'index.md'), '# Hello\n');
    repositories = new LocalGitRepositories(path.join(work, 'repos'));
  });

  afterEach(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('creates a bare repository with one commit and a checkout of it', async () => {
    const paths = await repositories.create({
      name: 'parcel-tracker',
      sourceDir: source,
      defaultBranch: 'main',
      description: 'Tracks parcels',
      author,
      message: 'Initial commit',
    });
    expect(paths.bare).toBe(path.join(work, 'repos', 'parcel-tracker.git'));
    expect(
      fs.readFileSync(path.join(paths.checkout, 'docs', 'index.md'), 'utf8'),
    ).toBe('# Hello\n');
    const log = await git(['log', '--format=%an <%ae> %s', 'main'], paths.bare);
    expect(log.trim()).toBe(
      'Lighthouse <lighthouse@acme.example> Initial commit',
    );
    expect(await git(['symbolic-ref', 'HEAD'], paths.bare)).toBe(
      'refs/heads/main\n',
    );
    expect(fs.readFileSync(path.join(paths.bare, 'description'), 'utf8')).toBe(
      'Tracks parcels\n',
    );
    // The workspace is left as it was, and no staging folder remains.
    expect(fs.existsSync(path.join(source, '.git'))).toBe(false);
    expect(fs.readdirSync(repositories.root).sort()).toEqual([
      'checkouts',
      'parcel-tracker.git',
    ]);
    expect(await repositories.list()).toEqual(['parcel-tracker']);
  });

  it('refuses an existing repository, naming it', async () => {
    const options = {
      name: 'parcel-tracker',
      sourceDir: source,
      defaultBranch: 'main',
      author,
      message: 'Initial commit',
    };
    await repositories.create(options);
    await expect(repositories.create(options)).rejects.toThrow(
      "repoName: a repository 'parcel-tracker' already exists",
    );
  });

  it.each([
    '../escape',
    'a;rm -rf x',
    'Upper',
    '-dash',
    'a',
    'x'.repeat(64),
    'a--b',
  ])('refuses the unsafe name %j', async name => {
    await expect(
      repositories.create({
        name,
        sourceDir: source,
        defaultBranch: 'main',
        author,
        message: 'm',
      }),
    ).rejects.toThrow(/not a valid repository name/);
    expect(fs.existsSync(repositories.root)).toBe(false);
  });

  it('refuses an unsafe branch name', async () => {
    await expect(
      repositories.create({
        name: 'parcel-tracker',
        sourceDir: source,
        defaultBranch: '--upload-pack=x',
        author,
        message: 'm',
      }),
    ).rejects.toThrow(/defaultBranch/);
  });

  it('removes what it created when a git step fails', async () => {
    await expect(
      repositories.create({
        name: 'parcel-tracker',
        sourceDir: path.join(work, 'missing'),
        defaultBranch: 'main',
        author,
        message: 'm',
      }),
    ).rejects.toThrow();
    expect(await repositories.exists('parcel-tracker')).toBe(false);
    expect(fs.readdirSync(repositories.root)).toEqual(['checkouts']);
    expect(fs.readdirSync(path.join(repositories.root, 'checkouts'))).toEqual(
      [],
    );
  });
});

describe('publish:local-git', () => {
  it('publishes the workspace and outputs where it went', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
    try {
      const workspace = path.join(work, 'workspace');
      fs.mkdirSync(path.join(workspace, 'service'), { recursive: true });
      fs.writeFileSync(
        path.join(workspace, 'service', 'catalog-info.yaml'),
        'kind: Component\n',
      );
      const repositories = new LocalGitRepositories(path.join(work, 'repos'));
      const published: unknown[] = [];
      const action = createPublishLocalGitAction({
        repositories,
        config: {
          getOptionalString: (key: string) =>
            ((
              { 'scaffolder.defaultAuthor.name': 'Portal' } as Record<
                string,
                string
              >
            )[key]),
        } as any,
        events: {
          publish: async (e: unknown) => void published.push(e),
        } as any,
      });
      const output: Record<string, unknown> = {};
      await action.handler({
        input: {
          repoName: 'route-planner',
          defaultBranch: 'trunk',
          sourcePath: 'service',
        },
        workspacePath: workspace,
        logger: { info() {} },
        output: (k: string, v: unknown) => (output[k] = v),
      } as any);
      expect(output).toEqual({
        remoteUrl: path.join(work, 'repos', 'route-planner.git'),
        repoContentsUrl: path.join(work, 'repos', 'checkouts', 'route-planner'),
        catalogInfoPath: '/catalog-info.yaml',
      });
      expect(
        fs.existsSync(
          path.join(
            work,
            'repos',
            'checkouts',
            'route-planner',
            'catalog-info.yaml',
          ),
        ),
      ).toBe(true);
      expect(
        await git(
          ['log', '--format=%an <%ae>', 'trunk'],
          output.remoteUrl as string,
        ),
      ).toBe('Portal <scaffolder@backstage.io>\n');
      expect(published).toEqual([
        expect.objectContaining({ topic: 'local-git.repositories' }),
      ]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('mainEntityRef', () => {
  it('picks the Component among the entities of a catalog-info.yaml', () => {
    expect(
      mainEntityRef(`kind: Resource
metadata:
  name: x-db
---
kind: Component
metadata:
  name: x
`),
    ).toBe('component:default/x');
  });
});
