import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { assertRepoName } from '../LocalGitRepositories';
import { announceRepository, LocalGitActionOptions } from './localGitActions';

/** `publish:local-git`: the workspace becomes a git repository in the portal's offline repository folder. */
export function createPublishLocalGitAction(options: LocalGitActionOptions) {
  const { repositories, config, events } = options;
  return createTemplateAction({
    id: 'publish:local-git',
    description:
      'Creates a git repository in the local repository folder (scaffolder.localGit.root) from the workspace, with one commit and a checkout the catalog reads.',
    examples: [
      {
        description: 'Publish the workspace as repository my-service',
        example: `steps:
  - id: publish
    action: publish:local-git
    input:
      repoName: my-service
      description: My service`,
      },
    ],
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .describe('Repository name: lowercase kebab-case, 2-63 characters'),
        description: z =>
          z.string().optional().describe('Repository description'),
        defaultBranch: z =>
          z.string().default('main').describe('Branch of the first commit'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to publish; the whole workspace by default',
            ),
        gitCommitMessage: z =>
          z.string().optional().describe('Message of the first commit'),
      },
      output: {
        remoteUrl: z => z.string().describe('Path of the bare repository'),
        repoContentsUrl: z =>
          z.string().describe('Path of the checkout of the default branch'),
        catalogInfoPath: z =>
          z.string().describe('Path of catalog-info.yaml in the repository'),
      },
    },
    async handler(ctx) {
      const { repoName, description, defaultBranch, sourcePath } = ctx.input;
      assertRepoName(repoName);
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        sourcePath ?? '.',
      );
      const paths = await repositories.create({
        name: repoName,
        sourceDir,
        defaultBranch: defaultBranch ?? 'main',
        description,
        author: {
          name:
            config.getOptionalString('scaffolder.defaultAuthor.name') ??
            'Scaffolder',
          email:
            config.getOptionalString('scaffolder.defaultAuthor.email') ??
            'scaffolder@backstage.io',
        },
        message:
          ctx.input.gitCommitMessage ??
          config.getOptionalString('scaffolder.defaultCommitMessage') ??
          'Initial commit',
      });
      ctx.logger.info(
        `Created repository ${paths.bare}, checkout ${paths.checkout}`,
      );
      await announceRepository(events, repoName, 'created');
      ctx.output('remoteUrl', paths.bare);
      ctx.output('repoContentsUrl', paths.checkout);
      ctx.output('catalogInfoPath', '/catalog-info.yaml');
    },
  });
}
