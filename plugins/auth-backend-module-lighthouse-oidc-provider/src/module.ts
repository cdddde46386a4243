import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { readOwnerCheckOptions } from '@internal/plugin-owner-validation-common';
import { createLighthouseSignInResolvers } from './resolvers';

/**
 * The `oidc` sign-in provider (Keycloak, Okta, Entra ID, Google, ...) with the stock OIDC
 * resolvers plus Lighthouse's. It replaces the stock OIDC module, which offers no way to add a
 * resolver.
 */
export const authModuleLighthouseOidcProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'lighthouse-oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const { departedMarker } = readOwnerCheckOptions(config);
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              ...oidcSignInResolvers,
              ...createLighthouseSignInResolvers({ departedMarker }),
            },
          }),
        });
      },
    });
  },
});
