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
import { createOidcProfileTransform } from './profileTransform';
import { createLighthouseSignInResolvers } from './resolvers';

/**
 * The `oidc` sign-in provider (Keycloak, Okta, Entra ID, Google, ...) with the stock OIDC
 * resolvers plus Lighthouse's, and an optional trust in emails sent without `email_verified`.
 * It replaces the stock OIDC module, which offers no way to add either.
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
        const acceptEmailWithoutVerifiedClaim =
          config.getOptionalBoolean(
            'lighthouse.signIn.oidc.acceptEmailWithoutVerifiedClaim',
          ) ?? false;
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            profileTransform: createOidcProfileTransform({
              acceptEmailWithoutVerifiedClaim,
            }),
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
