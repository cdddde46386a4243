import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRepositories, assertRepoName } from '../LocalGitRepositories';

const ENTITY_NAME = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;

/**
 * `golden-path:validate`: the checks a golden path runs before it creates anything, so a refused
 * request leaves nothing behind. Each error starts with the name of the form field.
 */
export function createValidateGoldenPathAction(options: {
  catalog: CatalogService;
  repositories: LocalGitRepositories;
}) {
  const { catalog, repositories } = options;
  return createTemplateAction({
    id: 'golden-path:validate',
    description:
      'Checks that a new component name is valid and free, its owner is an existing group and its system exists.',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('Name of the new component'),
        kind: z =>
          z.string().default('Component').describe('Kind of the new entity'),
        owner: z => z.string().describe('Owner: a group reference'),
        system: z => z.string().optional().describe('System reference, if any'),
        repoName: z =>
          z
            .string()
            .optional()
            .describe('Local repository to be created; the name by default'),
      },
      output: {
        sourceLocation: z =>
          z
            .string()
            .describe(
              'backstage.io/source-location of the repository to be created',
            ),
      },
    },
    async handler(ctx) {
      const { name, owner, system } = ctx.input;
      const kind = ctx.input.kind ?? 'Component';
      const credentials = await ctx.getInitiatorCredentials();

      if (!ENTITY_NAME.test(name)) {
        throw new InputError(
          `name: '${name}' must be 3-40 characters of lowercase letters, digits and single dashes, starting with a letter`,
        );
      }
      const ref = stringifyEntityRef({ kind, namespace: 'default', name });
      if (await catalog.getEntityByRef(ref, { credentials })) {
        throw new InputError(`name: '${ref}' already exists in the catalog`);
      }

      let ownerRef;
      try {
        ownerRef = parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        });
      } catch {
        throw new InputError(`owner: '${owner}' is not an entity reference`);
      }
      const ownerEntity =
        ownerRef.kind.toLowerCase() === 'group'
          ? await catalog.getEntityByRef(ownerRef, { credentials })
          : undefined;
      if (!ownerEntity) {
        throw new InputError(
          `owner: '${stringifyEntityRef(ownerRef)}' is not an existing group`,
        );
      }

      if (system) {
        let systemRef;
        try {
          systemRef = parseEntityRef(system, {
            defaultKind: 'system',
            defaultNamespace: 'default',
          });
        } catch {
          throw new InputError(
            `system: '${system}' is not an entity reference`,
          );
        }
        const found =
          systemRef.kind.toLowerCase() === 'system' &&
          (await catalog.getEntityByRef(systemRef, { credentials }));
        if (!found) {
          throw new InputError(
            `system: '${stringifyEntityRef(
              systemRef,
            )}' is not an existing system`,
          );
        }
      }

      const repoName = ctx.input.repoName ?? name;
      assertRepoName(repoName, 'name');
      if (await repositories.exists(repoName)) {
        throw new InputError(
          `name: a repository '${repoName}' already exists in ${repositories.root}`,
        );
      }
      // A `file:` location of a file in the checkout: TechDocs resolves `dir:.` against the
      // source location's folder, and knows only `url` and `file` locations.
      ctx.output(
        'sourceLocation',
        `file:${repositories.paths(repoName).checkout}/catalog-info.yaml`,
      );
      ctx.logger.info(
        `${ref} can be created, owned by ${stringifyEntityRef(ownerRef)}`,
      );
    },
  });
}
