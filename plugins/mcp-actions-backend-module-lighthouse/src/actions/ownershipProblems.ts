import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { OWNER_FINDING_TYPES } from '@internal/plugin-owner-validation-common';
import { ActionDeps } from './ActionDeps';

/** Registers `ownership-problems`: the open owner findings, by team or kind, that the caller may read. */
export function registerOwnershipProblemsAction(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  const { catalog, clients } = deps;
  registry.register({
    name: 'ownership-problems',
    title: 'Ownership problems',
    description:
      'Open ownership problems of catalog entities (owner departed, team without members, unknown owner...), each with a suggested owner when one can be inferred. ' +
      'Filter by team (payments or group:default/payments), by entity kind (Component, API...) and by problem type.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe('A team: payments or group:default/payments'),
          kind: z
            .string()
            .trim()
            .min(1)
            .max(50)
            .optional()
            .describe('An entity kind: Component, API, Resource, System...'),
          type: z.enum(OWNER_FINDING_TYPES).optional(),
          limit: z.number().int().min(1).max(100).default(25),
        }),
      output: z =>
        z.object({
          problems: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              type: z.string(),
              severity: z.string(),
              message: z.string(),
              owner: z.string().optional(),
              suggestedOwner: z.string().optional(),
              team: z.string().optional(),
            }),
          ),
          more: z
            .boolean()
            .describe('More problems match: narrow the filter or raise limit'),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await clients.ownerValidation(credentials).listFindings({
        params: {
          query: {
            status: 'open',
            limit: input.limit,
            ...(input.team && { team: input.team }),
            ...(input.kind && { kind: [input.kind] }),
            ...(input.type && { type: [input.type] }),
          },
        },
      });
      // The findings store every entity; only those the caller may read in the catalog are told.
      const refs = page.items.map(f => f.entityRef);
      const { items: visible } = refs.length
        ? await catalog.getEntitiesByRefs(
            { entityRefs: refs, fields: ['kind'] },
            { credentials },
          )
        : { items: [] };
      return {
        output: {
          problems: page.items
            .filter((_, i) => visible[i])
            .map(f => ({
              entityRef: f.entityRef,
              title: f.title,
              type: f.type,
              severity: f.severity,
              message: f.message,
              owner: f.ownerRef ?? f.owner,
              suggestedOwner: f.suggestedOwner,
              team: f.team,
            })),
          more: page.totalCount > page.offset + page.items.length,
        },
      };
    },
  });
}
