import { oidcAuthApiRef } from './oidcAuthApi';
import { signInProviders } from './signInProviders';

describe('signInProviders', () => {
  it('offers the guest when config names no providers', () => {
    expect(signInProviders()).toEqual(['guest']);
  });

  it('offers OIDC through the oidc auth API, in the configured order', () => {
    expect(signInProviders(['oidc', 'guest'])).toEqual([
      expect.objectContaining({
        id: 'oidc',
        title: 'Single sign-on',
        apiRef: oidcAuthApiRef,
      }),
      'guest',
    ]);
  });

  it('names the known providers when config has an unknown one', () => {
    expect(() => signInProviders(['github'])).toThrow(
      "Unknown sign-in provider 'github' in lighthouse.signIn.providers; use guest or oidc",
    );
  });
});
