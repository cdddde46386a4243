import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { isNotFoundResponse } from '../services/CallerClients';
import { ActionDeps } from './ActionDeps';
import { entityInput, entityPathParams, failingChecks } from './shared';

/** Registers `quality-of`: an entity's metadata quality score, level and failing checks with fixes. */
export function registerQualityOfAction(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  const { finder, clients } = deps;
  registry.register({
    name: 'quality-of',
    title: 'Metadata quality of an entity',
    description:
      "A catalog entity's metadata quality: score (0-100), level (Bronze, Silver, Gold, or null below every level) " +
      'and each failing check with how to fix it (the catalog-info.yaml change to make).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entity: entityInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string().optional(),
          score: z.number(),
          level: z.string().nullable(),
          failingChecks: z.array(
            z.object({
              check: z.string(),
              message: z.string().optional(),
              fix: z.string().optional(),
            }),
          ),
          evaluatedAt: z.string(),
          otherMatches: z.array(z.string()).optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity, otherMatches } = await finder.find(
        input.entity,
        credentials,
      );
      const ref = stringifyEntityRef(entity);
      const score = await clients
        .metadataQuality(credentials)
        .getEntityScore({
          params: entityPathParams(entity),
        })
        .catch(e => {
          if (isNotFoundResponse(e)) {
            throw new NotFoundError(`No quality score yet for '${ref}'`);
          }
          throw e;
        });
      return {
        output: {
          entityRef: ref,
          title: entity.metadata.title,
          score: score.score,
          level: score.level ?? null,
          failingChecks: failingChecks(score),
          evaluatedAt: score.evaluatedAt,
          ...(otherMatches.length > 0 && { otherMatches }),
        },
      };
    },
  });
}
