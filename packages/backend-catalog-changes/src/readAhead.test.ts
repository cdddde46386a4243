import { readAhead } from './readAhead';

/** A source of pages that records when each page is asked for and when the caller got it. */
function recordedPages(count: number, failAt?: number) {
  const events: string[] = [];
  let closed = false;
  async function* pages() {
    try {
      for (let i = 0; i < count; i++) {
        events.push(`read ${i}`);
        await new Promise(r => setTimeout(r, 5));
        if (i === failAt) throw new Error(`page ${i} could not be read`);
        yield i;
      }
    } finally {
      closed = true;
    }
  }
  return { pages: pages(), events, closed: () => closed };
}

describe('readAhead', () => {
  it('asks for the next page before the caller has finished with the current one', async () => {
    const { pages, events } = recordedPages(3);
    const seen: number[] = [];
    for await (const page of readAhead(pages)) {
      events.push(`work on ${page} started`);
      await new Promise(r => setTimeout(r, 20));
      events.push(`work on ${page} done`);
      seen.push(page);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(events.indexOf('read 1')).toBeLessThan(
      events.indexOf('work on 0 done'),
    );
    expect(events.indexOf('read 2')).toBeLessThan(
      events.indexOf('work on 1 done'),
    );
  });

  it('throws a failed read where its page would have come, after the pages before it', async () => {
    const { pages } = recordedPages(5, 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of readAhead(pages)) {
          await new Promise(r => setTimeout(r, 20));
          seen.push(page);
        }
      })(),
    ).rejects.toThrow('page 2 could not be read');
    expect(seen).toEqual([0, 1]);
  });

  it('closes the source when the caller stops early', async () => {
    const { pages, closed } = recordedPages(5);
    for await (const page of readAhead(pages)) {
      if (page === 1) break;
    }
    expect(closed()).toBe(true);
  });
});
