import { guardAgainstEmptyRead } from './DirectoryOrgProvider';

describe('guardAgainstEmptyRead', () => {
  const provider = { id: 'corp', users: [{ dn: 'ou=people,dc=acme' } as any] };
  const user = {
    entity: {
      apiVersion: 'backstage.io/v1beta1',
      kind: 'User',
      metadata: { name: 'a' },
    },
    locationKey: 'k',
  };
  const group = { ...user, entity: { ...user.entity, kind: 'Group' } };

  it('refuses a full read without users and passes everything else on', async () => {
    const applied: unknown[] = [];
    const connection = guardAgainstEmptyRead(
      {
        applyMutation: async m => void applied.push(m),
        refresh: async () => {},
      },
      provider,
    );
    await expect(
      connection.applyMutation({ type: 'full', entities: [group] }),
    ).rejects.toThrow(
      "The directory returned no users under 'ou=people,dc=acme': check catalog.providers.ldapOrg.corp.users.dn and catalog.providers.ldapOrg.corp.users.options.filter",
    );
    expect(applied).toEqual([]);
    await connection.applyMutation({ type: 'full', entities: [user, group] });
    await connection.applyMutation({ type: 'delta', added: [], removed: [] });
    expect(applied).toHaveLength(2);
  });
});
