import type { Server } from 'node:http';

/** A person the test's identity provider knows; the login is the account id. */
export interface TestPerson {
  login: string;
  email: string;
  name: string;
}

/**
 * Starts a real OpenID Connect provider (the certified `oidc-provider` package) on localhost with
 * one confidential client for the backend. Its development login form accepts any password for
 * the logins in `people`; consent is granted up front so the popup goes straight back.
 */
export async function startOidcProvider(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  people: TestPerson[];
}): Promise<{ issuer: string; stop(): Promise<void> }> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://localhost:${options.port}`;
  const byLogin = new Map(options.people.map(p => [p.login, p]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const person = byLogin.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: person.email,
            email_verified: true,
            name: person.name,
          };
        },
      };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    cookies: { keys: ['lighthouse-e2e-cookie-key'] },
    // Explicit lifetimes (seconds), long enough for a test run; they also silence the notices.
    ttl: {
      AccessToken: 3600,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 3600,
      Session: 3600,
    },
    // The backend keeps the IdP's refresh token in a cookie and refreshes the session with it.
    async issueRefreshToken(_ctx: unknown, client: any) {
      return client.grantTypeAllowed('refresh_token');
    },
    // Every requested scope and claim is granted: no consent screen.
    async loadExistingGrant(ctx: any) {
      const { Grant } = ctx.oidc.provider;
      const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) {
        const found = await Grant.find(existing);
        if (found) return found;
      }
      const grant = new Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile offline_access');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(options.port, () => resolve(s));
    s.once('error', reject);
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
