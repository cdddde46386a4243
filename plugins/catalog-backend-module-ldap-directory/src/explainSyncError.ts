import type { LdapProviderConfig } from '@backstage/plugin-catalog-backend-module-ldap';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

const KEPT =
  'the catalog keeps the users and groups of the last successful sync';

/** The error and its causes, outermost first. */
function causes(error: unknown): Array<Error & { code?: string }> {
  const chain: Array<Error & { code?: string }> = [];
  let current: any = error;
  while (current && typeof current === 'object' && chain.length < 10) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

/**
 * A sync error in words naming the setting to fix (`catalog.providers.ldapOrg.<id>.*`); never
 * the secret. The stock provider's own messages say what failed but not where it is configured.
 */
export function explainSyncError(
  error: unknown,
  provider: Pick<
    LdapProviderConfig,
    'id' | 'target' | 'bind' | 'users' | 'groups'
  >,
): string {
  const key = `catalog.providers.ldapOrg.${provider.id}`;
  const chain = causes(error);
  const innermost = chain[chain.length - 1];
  const detail = innermost?.message || String(error);
  const names = chain.map(e => e.name);
  const messages = chain.map(e => e.message ?? '').join(' ');

  const network = chain.find(
    e => (e.code && UNREACHABLE.has(e.code)) || /timeout/i.test(e.name ?? ''),
  );
  if (network) {
    return `Cannot reach the directory at '${
      provider.target
    }' (${key}.target): ${network.code ?? network.message}; ${KEPT}`;
  }
  if (
    names.includes('InvalidCredentialsError') ||
    /LDAP bind failed/.test(messages)
  ) {
    return `The directory refused the bind as '${
      provider.bind?.dn ?? ''
    }': check ${key}.bind.dn and ${key}.bind.secret (${detail}); ${KEPT}`;
  }
  const search = /LDAP search at DN "([^"]*)" failed/.exec(messages);
  if (search) {
    const dn = search[1];
    const section = provider.groups.some(g => g.dn === dn) ? 'groups' : 'users';
    if (names.includes('NoSuchObjectError')) {
      return `No entry '${dn}' in the directory: check ${key}.${section}.dn (${detail}); ${KEPT}`;
    }
    return `Searching '${dn}' failed: check ${key}.${section}.dn and ${key}.${section}.options.filter (${detail}); ${KEPT}`;
  }
  if (
    chain[0]?.name === 'InputError' ||
    chain[0]?.name === 'EmptyDirectoryReadError'
  ) {
    return `${chain[0].message}; ${KEPT}`;
  }
  return `Reading the directory '${provider.id}' (${key}) failed: ${detail}; ${KEPT}`;
}
