import { listAllProblems, MAX_PAGE_SIZE } from './listAllProblems';
import type { ProcessingProblem } from './schema/openapi/generated';

const problem = (i: number): ProcessingProblem => ({
  entityRef: `component:default/c${i}`,
  errors: [{ name: 'InputError', message: `problem ${i}` }],
  ingested: false,
});

describe('listAllProblems', () => {
  it('reads page after page until it has them all', async () => {
    const total = MAX_PAGE_SIZE + 5;
    const listProcessingProblems = jest.fn(async ({ params }: any) => {
      const { limit, offset } = params.query;
      const end = Math.min(offset + limit, total);
      return {
        totalItems: total,
        items: Array.from({ length: end - offset }, (_, i) =>
          problem(offset + i),
        ),
      };
    });
    const all = await listAllProblems({ listProcessingProblems });
    expect(all).toHaveLength(total);
    expect(all[total - 1].entityRef).toBe(`component:default/c${total - 1}`);
    expect(listProcessingProblems.mock.calls.map(c => c[0])).toEqual([
      { params: { query: { limit: MAX_PAGE_SIZE, offset: 0 } } },
      { params: { query: { limit: MAX_PAGE_SIZE, offset: MAX_PAGE_SIZE } } },
    ]);
  });

  it('stops on an empty page when the total shrank meanwhile', async () => {
    const listProcessingProblems = jest
      .fn()
      .mockResolvedValueOnce({ totalItems: 3, items: [problem(1)] })
      .mockResolvedValueOnce({ totalItems: 3, items: [] });
    expect(await listAllProblems({ listProcessingProblems })).toHaveLength(1);
  });
});
