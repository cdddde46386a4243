import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRepositories } from '../LocalGitRepositories';
import { findNameProblem } from '../nameAvailability';

/**
 * The scaffolder writes a failed step's `error.stack` into the task log; a refusal of bad input is
 * one line naming the field, without the backend's stack and file paths.
 */
function withoutStack(error: Error): Error {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/**
 * `golden-path:validate`: the checks a golden path runs before it creates anything, so a refused
 * request leaves nothing behind. Each error starts with the name of the form field.
 */
export function createValidateGoldenPathAction(options: {
  catalog: CatalogService;
  repositories: LocalGitRepositories;
  /** `app.baseUrl`, for links to the new entity's pages in the portal. */
  appBaseUrl?: string;
}) {
  const { catalog, repositories } = options;
  const appBaseUrl = (options.appBaseUrl ?? 'http://localhost:3000').replace(
    /\/+$/,
    '',
  );
  const action = createTemplateAction({
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
        docsUrl: z =>
          z
            .string()
            .describe("The portal's address of the new component's TechDocs"),
      },
    },
    async handler(ctx) {
      try {
        await check(ctx);
      } catch (error) {
        throw isError(error) && error.name === 'InputError'
          ? withoutStack(error)
          : error;
      }
    },
  });

  async function check(ctx: Parameters<typeof action.handler>[0]) {
    const { name, owner, system } = ctx.input;
    const kind = ctx.input.kind ?? 'Component';
    const credentials = await ctx.getInitiatorCredentials();

    const repoName = ctx.input.repoName ?? name;
    const nameProblem = await findNameProblem(
      { catalog, repositories },
      { name, kind, repoName },
      credentials,
    );
    if (nameProblem) throw new InputError(`name: ${nameProblem}`);

    /** The reference `value` of `field` makes, of an entity of `refKind` the catalog holds. */
    async function existingRef(
      field: string,
      value: string,
      refKind: 'group' | 'system',
    ) {
      let ref;
      try {
        ref = parseEntityRef(value, {
          defaultKind: refKind,
          defaultNamespace: 'default',
        });
      } catch {
        throw new InputError(`${field}: '${value}' is not an entity reference`);
      }
      const found =
        ref.kind.toLowerCase() === refKind &&
        (await catalog.getEntityByRef(ref, { credentials }));
      if (!found) {
        throw new InputError(
          `${field}: '${stringifyEntityRef(
            ref,
          )}' is not an existing ${refKind}`,
        );
      }
      return ref;
    }

    const ownerRef = await existingRef('owner', owner, 'group');
    if (system) await existingRef('system', system, 'system');

    // A `file:` location of a file in the checkout: TechDocs resolves `dir:.` against the
    // source location's folder, and knows only `url` and `file` locations.
    ctx.output(
      'docsUrl',
      `${appBaseUrl}/docs/default/${kind.toLocaleLowerCase('en-US')}/${name}`,
    );
    ctx.output(
      'sourceLocation',
      `file:${repositories.paths(repoName).checkout}/catalog-info.yaml`,
    );
    ctx.logger.info(
      `${stringifyEntityRef({
        kind,
        namespace: 'default',
        name,
      })} can be created, owned by ${stringifyEntityRef(ownerRef)}`,
    );
  }

  return action;
}
