import type { Entity } from '@backstage/catalog-model';
import { groupEntity, userEntity } from '@internal/backend-test-utils';
import { OrgSnapshot } from './OrgSnapshot';

const names = (org: readonly Entity[]) => org.map(e => e.metadata.name).sort();

describe('OrgSnapshot', () => {
  it('reads the org again only when its version changed or a minute passed', async () => {
    let catalog = [groupEntity('payments', {}), userEntity('ada', {})];
    let version = 'user:1';
    let now = 0;
    const read = jest.fn(async () => catalog);
    const org = new OrgSnapshot({
      read,
      version: async () => version,
      now: () => now,
    });
    const none = new Map<string, Entity>();

    expect(names(await org.current(none, []))).toEqual(['ada', 'payments']);
    catalog = [...catalog, userEntity('bob', {})];
    expect(names(await org.current(none, []))).toEqual(['ada', 'payments']);
    expect(read).toHaveBeenCalledTimes(1);

    version = 'user:2';
    expect(names(await org.current(none, []))).toEqual([
      'ada',
      'bob',
      'payments',
    ]);
    catalog = catalog.slice(0, 2);
    now = 61_000;
    expect(names(await org.current(none, []))).toEqual(['ada', 'payments']);
    expect(read).toHaveBeenCalledTimes(3);

    org.forget();
    await org.current(none, []);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it("puts a batch's own users and groups, read fresh, in place of the kept ones", async () => {
    const read = jest.fn(async () => [
      groupEntity('payments', {}),
      userEntity('ada', { memberOf: ['payments'] }),
      userEntity('bob', {}),
    ]);
    const org = new OrgSnapshot({ read, version: async () => 'v' });
    await org.current(new Map(), []);
    const ada = userEntity('ada', { memberOf: [] });
    const current = await org.current(new Map([['user:default/ada', ada]]), [
      'user:default/ada',
      'user:default/bob',
    ]);
    expect(names(current)).toEqual(['ada', 'payments']);
    expect(current.find(e => e.metadata.name === 'ada')).toBe(ada);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('hands out the same list while nothing changed, so the org graph built from it is kept', async () => {
    const read = jest.fn(async () => [
      groupEntity('payments', {}),
      userEntity('ada', { memberOf: ['payments'] }),
    ]);
    const org = new OrgSnapshot({ read, version: async () => 'v' });
    const first = await org.current(new Map(), []);
    expect(await org.current(new Map(), [])).toBe(first);
    const bob = userEntity('bob', {});
    const withBob = await org.current(new Map([['user:default/bob', bob]]), [
      'user:default/bob',
    ]);
    expect(withBob).not.toBe(first);
    expect(names(withBob)).toEqual(['ada', 'bob', 'payments']);
    expect(names(first)).toEqual(['ada', 'payments']);
    expect(await org.current(new Map(), [])).toBe(withBob);
  });

  it('reads the org for every batch without a version', async () => {
    const read = jest.fn(async () => [groupEntity('payments', {})]);
    const org = new OrgSnapshot({ read });
    await org.current(new Map(), []);
    await org.current(new Map(), []);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
