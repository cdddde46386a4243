import { IdentityProviders, SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { useMemo } from 'react';
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

/** The sign-in page offering the providers in `lighthouse.signIn.providers` (default: guest). */
export function LighthouseSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const ids = configApi.getOptionalStringArray('lighthouse.signIn.providers');
  const providers = useMemo(
    () =>
      (ids ?? ['guest']).map(id => {
        const provider = known[id];
        if (!provider) {
          throw new Error(
            `Unknown sign-in provider '${id}' in lighthouse.signIn.providers; use ${Object.keys(
              known,
            ).join(' or ')}`,
          );
        }
        return provider;
      }),
    // The config does not change while the page is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids?.join(',')],
  );
  return <SignInPage {...props} providers={providers} />;
}
