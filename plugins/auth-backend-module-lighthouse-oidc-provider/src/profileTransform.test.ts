import { createOidcProfileTransform } from './profileTransform';

const transform = (
  userinfo: Record<string, unknown>,
  acceptEmailWithoutVerifiedClaim?: boolean,
) =>
  createOidcProfileTransform({ acceptEmailWithoutVerifiedClaim })(
    { fullProfile: { userinfo, tokenset: {} }, session: {} } as any,
    {} as any,
  );

describe('createOidcProfileTransform', () => {
  const base = { sub: 'a', email: 'alice@acme.example', name: 'Alice' };

  it('keeps a verified email, the name and the picture', async () => {
    await expect(
      transform({ ...base, email_verified: true, picture: 'p.png' }),
    ).resolves.toEqual({
      profile: {
        email: 'alice@acme.example',
        displayName: 'Alice',
        picture: 'p.png',
      },
    });
  });

  it('drops an email the provider does not vouch for', async () => {
    expect((await transform(base)).profile.email).toBeUndefined();
    expect(
      (await transform({ ...base, email_verified: false })).profile.email,
    ).toBeUndefined();
  });

  it('optionally accepts an email sent without email_verified, never one marked unverified', async () => {
    expect((await transform(base, true)).profile.email).toBe(
      'alice@acme.example',
    );
    expect(
      (await transform({ ...base, email_verified: false }, true)).profile.email,
    ).toBeUndefined();
  });
});
