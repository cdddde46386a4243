import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  createSignInResolverFactory,
  SignInResolverFactory,
} from '@backstage/plugin-auth-node';
import {
  isMarkedDeparted,
  OwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';

/** Options of {@link createLighthouseSignInResolvers}. */
export interface LighthouseSignInResolverOptions {
  /** How a departed user is marked (`ownerValidation.departedMarker`). */
  departedMarker?: OwnerCheckOptions['departedMarker'];
}

/**
 * Lighthouse's sign-in resolvers, by the name config gives them under
 * `auth.providers.<provider>.<env>.signIn.resolvers`.
 */
export function createLighthouseSignInResolvers(
  options: LighthouseSignInResolverOptions = {},
): Record<string, SignInResolverFactory> {
  return {
    /**
     * The verified email names exactly one User entity (`spec.profile.email`) that is not marked
     * departed; anyone else is refused.
     */
    emailMatchingActiveUserEntity: createSignInResolverFactory({
      create() {
        return async ({ profile }, ctx) => {
          if (!profile.email) {
            throw new NotAllowedError(
              'Sign-in refused: the identity provider gave no verified email address',
            );
          }
          let entity;
          try {
            ({ entity } = await ctx.findCatalogUser({
              filter: { 'spec.profile.email': profile.email },
            }));
          } catch (error) {
            if ((error as Error)?.name === 'NotFoundError') {
              throw new NotAllowedError(
                `Sign-in refused: no user in the catalog has the email '${profile.email}'`,
              );
            }
            throw error;
          }
          const userRef = stringifyEntityRef(entity);
          if (isMarkedDeparted(entity, options.departedMarker)) {
            throw new NotAllowedError(
              `Sign-in refused: '${userRef}' is marked as departed`,
            );
          }
          const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(
            entity,
          );
          return ctx.issueToken({
            claims: { sub: userRef, ent: ownershipEntityRefs },
          });
        };
      },
    }),
  };
}
