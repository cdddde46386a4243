/**
 * Lighthouse's OIDC sign-in for the auth backend: only people with a User entity that is not
 * marked departed get in.
 *
 * @packageDocumentation
 */
export { authModuleLighthouseOidcProvider as default } from './module';
export {
  createLighthouseSignInResolvers,
  type LighthouseSignInResolverOptions,
} from './resolvers';
