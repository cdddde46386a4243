import { ForwardedError } from '@backstage/errors';
import { explainSyncError } from './explainSyncError';

const provider = {
  id: 'corp',
  target: 'ldap://ldap.acme.test:389',
  bind: { dn: 'cn=reader,dc=acme', secret: 'hunter2' },
  users: [{ dn: 'ou=people,dc=acme', options: {}, map: {} as any }],
  groups: [{ dn: 'ou=groups,dc=acme', options: {}, map: {} as any }],
};

function named(name: string, message: string, extra: object = {}) {
  return Object.assign(new Error(message), { name }, extra);
}

describe('explainSyncError', () => {
  it('names the target when the directory cannot be reached', () => {
    const error = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:389'),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(explainSyncError(error, provider)).toBe(
      "Cannot reach the directory at 'ldap://ldap.acme.test:389' (catalog.providers.ldapOrg.corp.target): ECONNREFUSED; the catalog keeps the users and groups of the last successful sync",
    );
  });

  it('names the bind settings, never the secret, for wrong credentials', () => {
    const error = new ForwardedError(
      'LDAP bind failed for cn=reader,dc=acme',
      named('InvalidCredentialsError', 'Invalid credentials'),
    );
    const message = explainSyncError(error, provider);
    expect(message).toContain(
      "The directory refused the bind as 'cn=reader,dc=acme': check catalog.providers.ldapOrg.corp.bind.dn and catalog.providers.ldapOrg.corp.bind.secret",
    );
    expect(message).not.toContain('hunter2');
  });

  it('names users.dn or groups.dn for a base that does not exist', () => {
    const error = (dn: string) =>
      new ForwardedError(
        `LDAP search at DN "${dn}" failed`,
        named('NoSuchObjectError', 'No such object'),
      );
    expect(explainSyncError(error('ou=groups,dc=acme'), provider)).toContain(
      "No entry 'ou=groups,dc=acme' in the directory: check catalog.providers.ldapOrg.corp.groups.dn",
    );
    expect(explainSyncError(error('ou=people,dc=acme'), provider)).toContain(
      'check catalog.providers.ldapOrg.corp.users.dn',
    );
  });

  it('keeps the message of a malformed entry and names the provider otherwise', () => {
    expect(
      explainSyncError(
        named('InputError', "Directory entry 'x' has no 'uid'"),
        provider,
      ),
    ).toBe(
      "Directory entry 'x' has no 'uid'; the catalog keeps the users and groups of the last successful sync",
    );
    expect(explainSyncError(new Error('boom'), provider)).toBe(
      "Reading the directory 'corp' (catalog.providers.ldapOrg.corp) failed: boom; the catalog keeps the users and groups of the last successful sync",
    );
  });
});
