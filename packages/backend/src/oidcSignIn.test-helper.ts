import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** A person the test's identity provider knows; the login is the account id. */
export interface OidcTestPerson {
  login: string;
  email: string;
  name: string;
}

/**
 * Starts the real OpenID Connect provider of the OIDC module's browser tests
 * (`e2e-tests/oidcProvider.ts`) in its own Node process, which runs the ESM-only `oidc-provider`
 * package as it is; Node strips the file's types.
 */
export async function startOidcIdentityProvider(options: {
  port: number;
  backendUrl: string;
  clientId: string;
  clientSecret: string;
  people: OidcTestPerson[];
}): Promise<{ metadataUrl: string; stop(): Promise<void> }> {
  const file = path.resolve(
    // A test helper, never part of a production build.
    // eslint-disable-next-line no-restricted-syntax
    __dirname,
    '../../../plugins/auth-backend-module-lighthouse-oidc-provider/e2e-tests/oidcProvider.ts',
  );
  const settings = {
    port: options.port,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: `${options.backendUrl}/api/auth/oidc/handler/frame`,
    people: options.people,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startOidcProvider } = await import(${JSON.stringify(file)});
       const p = await startOidcProvider(${JSON.stringify(settings)});
       console.log(JSON.stringify({ issuer: p.issuer }));`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', d => (err += d));
  const { issuer } = await new Promise<{ issuer: string }>(
    (resolve, reject) => {
      child.stdout?.once('data', d => resolve(JSON.parse(String(d))));
      child.once('exit', code =>
        reject(new Error(`The OIDC provider did not start (${code}): ${err}`)),
      );
    },
  );
  return {
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Cookies by host, as a browser keeps them for the redirects of one sign-in. */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: URL) {
    const cookies = this.byHost.get(url.host) ?? new Map();
    return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(url: URL, res: Response) {
    const cookies = this.byHost.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    this.byHost.set(url.host, cookies);
  }
}

/**
 * Signs in through the backend's `oidc` provider as a browser popup would, without the browser:
 * start, the provider's login form, the callback. Returns what the backend posts to the app: a
 * `backstageIdentity` or an `error`.
 */
export async function signInWithOidc(
  backendUrl: string,
  login: string,
): Promise<{
  type: string;
  response?: { backstageIdentity: { token: string; identity: any } };
  error?: { name: string; message: string };
}> {
  const jar = new CookieJar();
  const go = async (url: URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: jar.header(url) },
    });
    jar.keep(url, res);
    return res;
  };
  let res = await go(
    new URL(
      `${backendUrl}/api/auth/oidc/start?env=development&scope=${encodeURIComponent(
        'openid profile email offline_access',
      )}`,
    ),
  );
  let url = new URL(backendUrl);
  for (let hop = 0; hop < 10; hop++) {
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      res = await go(url);
      continue;
    }
    const body = await res.text();
    if (body.includes('name="login"')) {
      // The provider's login form: any password is accepted.
      res = await go(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          prompt: 'login',
          login,
          password: 'any password',
        }).toString(),
      });
      continue;
    }
    const message = body.match(/decodeURIComponent\('([^']*)'\)/);
    if (!message) {
      throw new Error(
        `Sign-in of '${login}' stopped at ${url} (${res.status}): ${body.slice(
          0,
          500,
        )}`,
      );
    }
    return JSON.parse(decodeURIComponent(message[1]));
  }
  throw new Error(`Sign-in of '${login}' redirected more than 10 times`);
}
