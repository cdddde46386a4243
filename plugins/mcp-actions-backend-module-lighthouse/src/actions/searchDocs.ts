import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ActionDeps } from './ActionDeps';

const SNIPPET_LENGTH = 300;

/** Registers `search-docs`: the search engine over TechDocs, each hit with the entity it documents. */
export function registerSearchDocsAction(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  const { clients, appBaseUrl } = deps;
  registry.register({
    name: 'search-docs',
    title: 'Search the documentation',
    description:
      "Searches the portal's TechDocs (the documentation of services, libraries and sites) and answers the best pages, " +
      'each with a snippet, its URL and the catalog entity it documents (ask who-owns about that entity for its owner).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z.string().trim().min(1).max(200).describe('What to look for'),
          limit: z.number().int().min(1).max(20).default(5),
        }),
      output: z =>
        z.object({
          hits: z.array(
            z.object({
              title: z.string(),
              snippet: z.string(),
              url: z.string(),
              entityRef: z.string().optional(),
              entityTitle: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const hits = await clients.searchDocs(
        credentials,
        input.query,
        input.limit,
      );
      return {
        output: {
          hits: hits.map(hit => ({
            title: hit.title,
            snippet:
              hit.text.length > SNIPPET_LENGTH
                ? `${hit.text.slice(0, SNIPPET_LENGTH)}…`
                : hit.text,
            url: new URL(hit.location, appBaseUrl).toString(),
            ...(hit.kind &&
              hit.name && {
                entityRef: stringifyEntityRef({
                  kind: hit.kind,
                  namespace: hit.namespace ?? 'default',
                  name: hit.name,
                }),
              }),
            entityTitle: hit.entityTitle,
          })),
        },
      };
    },
  });
}
