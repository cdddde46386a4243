import { ListTotals } from './ListTotals';

describe('ListTotals', () => {
  it('counts a filter once within the time to live, again after it or after clear', async () => {
    let now = 0;
    const totals = new ListTotals({ ttlMs: 5000, now: () => now });
    const count = jest.fn(async () => 7);
    await expect(totals.get('level=bronze', count)).resolves.toBe(7);
    await expect(totals.get('level=bronze', count)).resolves.toBe(7);
    expect(count).toHaveBeenCalledTimes(1);

    await totals.get('level=gold', count);
    expect(count).toHaveBeenCalledTimes(2);

    now = 5000;
    await totals.get('level=bronze', count);
    expect(count).toHaveBeenCalledTimes(3);

    totals.clear();
    await totals.get('level=bronze', count);
    expect(count).toHaveBeenCalledTimes(4);
  });

  it('shares a count in flight and forgets a failed one', async () => {
    const totals = new ListTotals();
    let finish: (n: number) => void = () => {};
    const count = jest.fn(() => new Promise<number>(r => (finish = r)));
    const first = totals.get('', count);
    const second = totals.get('', count);
    finish(3);
    await expect(Promise.all([first, second])).resolves.toEqual([3, 3]);
    expect(count).toHaveBeenCalledTimes(1);

    const failing = jest.fn(async () => {
      throw new Error('connection lost');
    });
    await expect(totals.get('kind=api', failing)).rejects.toThrow(
      'connection lost',
    );
    await expect(totals.get('kind=api', async () => 2)).resolves.toBe(2);
  });
});
