import type { IdentityProviders } from '@backstage/core-components';
import { oidcAuthApiRef } from './oidcAuthApi';

const known: Record<string, IdentityProviders[number]> = {
  guest: 'guest',
  oidc: {
    id: 'oidc',
    title: 'Single sign-on',
    message: 'Sign in with your company account',
    apiRef: oidcAuthApiRef,
  },
};

/** The sign-in page's providers for `lighthouse.signIn.providers` (default: the guest). */
export function signInProviders(
  ids: readonly string[] = ['guest'],
): IdentityProviders {
  return ids.map(id => {
    const provider = known[id];
    if (!provider) {
      throw new Error(
        `Unknown sign-in provider '${id}' in lighthouse.signIn.providers; use ${Object.keys(
          known,
        ).join(' or ')}`,
      );
    }
    return provider;
  });
}
