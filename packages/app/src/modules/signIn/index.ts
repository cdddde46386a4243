import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

export { oidcAuthApiRef } from './oidcAuthApi';

/** Replaces the app's guest-only sign-in page with one offering the configured providers. */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      (await import('./LighthouseSignInPage')).LighthouseSignInPage,
  },
});

/** Sign-in: the OIDC auth API and the sign-in page. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});
