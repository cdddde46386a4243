import type { OidcAuthResult } from '@backstage/plugin-auth-backend-module-oidc-provider';
import type {
  OAuthAuthenticatorResult,
  ProfileTransform,
} from '@backstage/plugin-auth-node';

/**
 * The OIDC profile: name and picture, and the email only when the provider vouches for it
 * (`email_verified: true`), or, with `acceptEmailWithoutVerifiedClaim`, when it sends no
 * `email_verified` at all, as Entra ID does. An explicit `email_verified: false` never counts.
 */
export function createOidcProfileTransform(options: {
  acceptEmailWithoutVerifiedClaim?: boolean;
}): ProfileTransform<OAuthAuthenticatorResult<OidcAuthResult>> {
  return async ({ fullProfile: { userinfo } }) => {
    const trusted =
      userinfo.email_verified === true ||
      (options.acceptEmailWithoutVerifiedClaim === true &&
        userinfo.email_verified === undefined);
    return {
      profile: {
        ...(trusted && userinfo.email ? { email: userinfo.email } : {}),
        picture: userinfo.picture,
        displayName: userinfo.name,
      },
    };
  };
}
