import { vendors } from '@backstage/plugin-catalog-backend-module-ldap';
import {
  createDirectoryGroupTransformer,
  createDirectoryUserTransformer,
  isDisabledEntry,
} from './directoryTransformers';

const vendor = vendors.default;
const userConfig = {
  dn: 'ou=people,dc=acme',
  options: {},
  map: {
    rdn: 'uid',
    name: 'uid',
    displayName: 'cn',
    email: 'mail',
    memberOf: null,
  },
};
const marker = { key: 'lighthouse.acme/departed', value: 'true' };

function person(attributes: Record<string, string | string[]>) {
  return {
    dn: `uid=${attributes.uid},ou=people,dc=acme`,
    ...attributes,
  } as any;
}

describe('isDisabledEntry', () => {
  it('matches a value in any case, or a set bit', () => {
    const former = person({ uid: 'a', employeeType: ['staff', 'Former'] });
    expect(
      isDisabledEntry(vendor, former, {
        attribute: 'employeeType',
        value: 'former',
      }),
    ).toBe(true);
    expect(
      isDisabledEntry(vendor, former, {
        attribute: 'employeeType',
        value: 'contractor',
      }),
    ).toBe(false);
    const disabled = person({ uid: 'b', userAccountControl: '514' });
    const enabled = person({ uid: 'c', userAccountControl: '512' });
    const rule = { attribute: 'userAccountControl', bitmask: 2 };
    expect(isDisabledEntry(vendor, disabled, rule)).toBe(true);
    expect(isDisabledEntry(vendor, enabled, rule)).toBe(false);
    expect(isDisabledEntry(vendor, person({ uid: 'd' }), rule)).toBe(false);
    expect(isDisabledEntry(vendor, disabled, undefined)).toBe(false);
  });
});

describe('createDirectoryUserTransformer', () => {
  const transform = createDirectoryUserTransformer({
    providerId: 'corp',
    disabledUser: { attribute: 'employeeType', value: 'former' },
    departedMarker: marker,
  });

  it('maps a user as the stock transformer does and marks a disabled one departed', async () => {
    const active = await transform(
      vendor,
      userConfig,
      person({ uid: 'ada', cn: 'Ada Lovelace', mail: 'ada@acme.test' }),
    );
    expect(active?.metadata.name).toBe('ada');
    expect(active?.spec.profile).toEqual({
      displayName: 'Ada Lovelace',
      email: 'ada@acme.test',
    });
    expect(active?.metadata.annotations?.[marker.key]).toBeUndefined();

    const gone = await transform(
      vendor,
      userConfig,
      person({ uid: 'bob', cn: 'Bob', employeeType: 'former' }),
    );
    expect(gone?.metadata.annotations?.[marker.key]).toBe('true');
    expect(gone?.spec.profile?.displayName).toBe('Bob');
  });

  it('names the entry and the setting when the name is missing or invalid', async () => {
    await expect(
      transform(vendor, userConfig, {
        dn: 'cn=nameless,ou=people,dc=acme',
        cn: 'x',
      } as any),
    ).rejects.toThrow(
      "Directory entry 'cn=nameless,ou=people,dc=acme' has no 'uid' attribute (catalog.providers.ldapOrg.corp.users.map.name)",
    );
    await expect(
      transform(vendor, userConfig, person({ uid: 'anna maria' })),
    ).rejects.toThrow(
      "has the user name 'anna maria' in 'uid' (catalog.providers.ldapOrg.corp.users.map.name), which is not a valid entity name",
    );
  });
});

describe('createDirectoryGroupTransformer', () => {
  it('names the setting for a group without a valid name', async () => {
    const transform = createDirectoryGroupTransformer({ providerId: 'corp' });
    const groupConfig = {
      dn: 'ou=groups,dc=acme',
      options: {},
      map: {
        rdn: 'cn',
        name: 'cn',
        description: 'description',
        type: 'groupType',
        displayName: 'cn',
        memberOf: null,
        members: 'member',
      },
    };
    const group = await transform(vendor, groupConfig, {
      dn: 'cn=web,ou=groups,dc=acme',
      cn: 'web',
    } as any);
    expect(group?.metadata.name).toBe('web');
    await expect(
      transform(vendor, groupConfig, {
        dn: 'cn=A B,ou=groups,dc=acme',
        cn: 'A B',
      } as any),
    ).rejects.toThrow('catalog.providers.ldapOrg.corp.groups.map.name');
  });
});
