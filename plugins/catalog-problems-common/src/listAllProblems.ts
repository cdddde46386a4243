import type {
  CatalogProblemsClient,
  ProcessingProblem,
} from './schema/openapi/generated';

/** The largest page `GET /processing-problems` serves (`maximum` of `limit` in the document). */
export const MAX_PAGE_SIZE = 1000;

/** Every processing problem, page by page. */
export async function listAllProblems(
  client: Pick<CatalogProblemsClient, 'listProcessingProblems'>,
): Promise<ProcessingProblem[]> {
  const all: ProcessingProblem[] = [];
  for (;;) {
    const page = await client.listProcessingProblems({
      params: { query: { limit: MAX_PAGE_SIZE, offset: all.length } },
    });
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.totalItems) {
      return all;
    }
  }
}
