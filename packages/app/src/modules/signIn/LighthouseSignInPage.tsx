import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { useMemo } from 'react';
import { signInProviders } from './signInProviders';

/** The sign-in page offering the providers in `lighthouse.signIn.providers` (default: guest). */
export function LighthouseSignInPage(props: SignInPageProps) {
  const ids = useApi(configApiRef).getOptionalStringArray(
    'lighthouse.signIn.providers',
  );
  const key = ids?.join(',');
  // Memoised by value: the page restarts sign-in whenever the providers array changes.
  const providers = useMemo(() => signInProviders(key?.split(',')), [key]);
  return <SignInPage {...props} providers={providers} />;
}
