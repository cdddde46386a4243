import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { assertRepoName } from '../LocalGitRepositories';
import { announceRepository, LocalGitActionOptions } from './localGitActions';

/** The entity a catalog-info.yaml is about: its first Component, else its first entity. */
export function mainEntityRef(yamlText: string): string {
  const entities = parseAllDocuments(yamlText)
    .map(d => d.toJS())
    .filter(e => e && typeof e === 'object' && e.kind && e.metadata?.name);
  const main =
    entities.find(e => String(e.kind).toLowerCase() === 'component') ??
    entities[0];
  if (!main) throw new InputError('catalog-info.yaml describes no entity');
  return stringifyEntityRef({
    kind: main.kind,
    namespace: main.metadata.namespace,
    name: main.metadata.name,
  });
}

/**
 * `local-git:register`: waits until the catalog serves the entity of a repository that
 * publish:local-git created. The catalog module (catalog-backend-module-local-git) registers every
 * checkout; the catalog's API would refuse its `file` location.
 */
export function createRegisterLocalGitAction(
  options: LocalGitActionOptions & { catalog: CatalogService },
) {
  const { repositories, catalog, config, events } = options;
  return createTemplateAction({
    id: 'local-git:register',
    description:
      'Waits until the catalog holds the entity of a local git repository and outputs its reference.',
    schema: {
      input: {
        repoName: z =>
          z.string().describe('Repository name given to publish:local-git'),
        catalogInfoPath: z =>
          z
            .string()
            .default('/catalog-info.yaml')
            .describe('Path of catalog-info.yaml in the repository'),
        timeoutSeconds: z =>
          z.number().optional().describe('How long to wait for the catalog'),
      },
      output: {
        entityRef: z =>
          z.string().describe('Reference of the registered entity'),
        catalogInfoUrl: z =>
          z.string().describe('Location of catalog-info.yaml'),
      },
    },
    async handler(ctx) {
      const { repoName } = ctx.input;
      assertRepoName(repoName);
      const { checkout } = repositories.paths(repoName);
      const file = resolveSafeChildPath(
        checkout,
        (ctx.input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, ''),
      );
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        throw new InputError(
          `repoName: repository '${repoName}' has no ${ctx.input.catalogInfoPath}`,
        );
      }
      const entityRef = mainEntityRef(text);
      await announceRepository(events, repoName, 'register');
      const timeout =
        (ctx.input.timeoutSeconds ??
          config.getOptionalNumber(
            'scaffolder.localGit.registerTimeoutSeconds',
          ) ??
          60) * 1000;
      const credentials = await ctx.getInitiatorCredentials();
      const deadline = Date.now() + timeout;
      ctx.logger.info(`Waiting for ${entityRef} in the catalog`);
      for (;;) {
        const entity = await catalog.getEntityByRef(entityRef, { credentials });
        if (entity) break;
        if (Date.now() > deadline || ctx.signal?.aborted) {
          // Nothing half-made stays: without its entity the repository goes too, so the same
          // name can be used again (the provider drops the location on its next scan).
          await repositories.remove(repoName);
          await announceRepository(events, repoName, 'removed');
          throw new Error(
            `The catalog did not register '${entityRef}' within ${
              timeout / 1000
            } s (see the catalog's processing errors for ${file}); repository '${repoName}' was removed`,
          );
        }
        await new Promise(r => setTimeout(r, 500));
      }
      ctx.logger.info(`Registered ${entityRef}`);
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', `file:${file}`);
    },
  });
}
