import { filterChunks } from './filterChunks';

const users = (n: number) =>
  Array.from({ length: n }, (_, i) => `user:default/user-${i}`);

describe('filterChunks', () => {
  it('keeps every value once, in order, each list under the limit as the client encodes it', () => {
    const values = users(500);
    const chunks = filterChunks('relations.ownedBy', values);
    expect(chunks.flat()).toEqual(values);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      const encoded = encodeURIComponent(
        chunk.map(v => `relations.ownedBy=${v}`).join(','),
      );
      expect(encoded.length).toBeLessThanOrEqual(8000);
    }
  });

  it('gives one list for a few values and none for no values', () => {
    expect(filterChunks('relations.ownedBy', users(3))).toEqual([users(3)]);
    expect(filterChunks('relations.ownedBy', [])).toEqual([]);
  });

  it('gives a value longer than the limit a list of its own', () => {
    const long = `group:default/${'x'.repeat(200)}`;
    expect(
      filterChunks(
        'relations.ownedBy',
        ['user:default/a', long, 'user:default/b'],
        100,
      ),
    ).toEqual([['user:default/a'], [long], ['user:default/b']]);
  });
});
