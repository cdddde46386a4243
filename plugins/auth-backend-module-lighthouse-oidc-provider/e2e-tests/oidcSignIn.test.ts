import { expect, Page, test } from '@playwright/test';
import { expectOnScreen, keepScreenshot } from '@internal/e2e-test-utils';
import { startOidcProvider } from './oidcProvider';
import { startProductionBackend } from './productionBackend';

// Production sign-in end to end: a real OIDC provider on localhost and a second backend configured
// like production, next to the main end-to-end backend. Ports follow PORTAL_E2E_PORT: the
// production backend takes the next one, the provider the one after.
const e2ePort = Number(process.env.PORTAL_E2E_PORT ?? 7007);
const backendPort = e2ePort + 1;
const providerPort = e2ePort + 2;
const backendUrl = `http://localhost:${backendPort}`;
const catalogToken = `oidc-e2e-${Date.now().toString(36)}-catalog-token`;

const alice = {
  login: 'alice.nguyen',
  email: 'alice.nguyen@acme-logistics.example',
  name: 'Alice Nguyen',
};
// Left the company: examples/org.yaml marks him with lighthouse.acme/departed.
const martin = {
  login: 'martin.keller',
  email: 'martin.keller@acme-logistics.example',
  name: 'Martin Keller',
};
// Known to the identity provider, but no User entity has this email.
const stranger = {
  login: 'sam.stranger',
  email: 'sam.stranger@acme-logistics.example',
  name: 'Sam Stranger',
};

let provider: Awaited<ReturnType<typeof startOidcProvider>> | undefined;
let backend: Awaited<ReturnType<typeof startProductionBackend>> | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  provider = await startOidcProvider({
    port: providerPort,
    clientId: 'lighthouse',
    clientSecret: 'lighthouse-e2e-secret',
    redirectUri: `${backendUrl}/api/auth/oidc/handler/frame`,
    people: [alice, martin, stranger],
  });
  backend = await startProductionBackend({
    port: backendPort,
    catalogToken,
    env: {
      AUTH_OIDC_METADATA_URL: `${provider.issuer}/.well-known/openid-configuration`,
      AUTH_OIDC_CLIENT_ID: 'lighthouse',
      AUTH_OIDC_CLIENT_SECRET: 'lighthouse-e2e-secret',
      AUTH_SESSION_SECRET: 'lighthouse-e2e-session-secret',
    },
  });
  // The resolver looks people up by email, so wait until the catalog has stitched both users.
  const deadline = Date.now() + 180_000;
  for (const email of [alice.email, martin.email]) {
    for (;;) {
      const res = await fetch(
        `${backendUrl}/api/catalog/entities?filter=kind=user,spec.profile.email=${encodeURIComponent(
          email,
        )}`,
        { headers: { authorization: `Bearer ${catalogToken}` } },
      );
      if (res.ok && (await res.json()).length === 1) break;
      if (Date.now() > deadline) {
        throw new Error(
          `The catalog of the production backend has no user with the email '${email}' after 3 minutes:\n${backend.output()}`,
        );
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }
});

test.afterAll(async () => {
  await backend?.stop();
  await provider?.stop();
});

/** Clicks Sign In and logs in on the provider's page in the popup; the popup closes itself. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto(backendUrl);
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await popup.locator('input[name="login"]').fill(login);
  await popup.locator('input[name="password"]').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.waitForEvent('close', { timeout: 60_000 });
}

/** The identity the backend gives this browser's session, or the status when it has none. */
async function sessionIdentity(page: Page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/oidc/refresh?env=production', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      credentials: 'include',
    });
    if (!res.ok) return { status: res.status };
    const body = await res.json();
    return {
      status: res.status,
      userEntityRef: body.backstageIdentity?.identity?.userEntityRef as string,
    };
  });
}

test('the production sign-in page offers single sign-on and no guest; the guest provider refuses', async ({
  page,
}, testInfo) => {
  await page.goto(backendUrl);
  await expectOnScreen(page.getByText('Single sign-on'));
  await expectOnScreen(page.getByRole('button', { name: 'Sign In' }));
  await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'sign-in-production');

  const guest = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(guest.status).not.toBe(200);
  const anonymous = await fetch(`${backendUrl}/api/catalog/entities`);
  expect(anonymous.status).toBe(401);
});

test('a person with a User entity signs in through the provider and is that user', async ({
  page,
}) => {
  await signInThroughProvider(page, alice.login);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expectOnScreen(nav.getByRole('link', { name: 'Catalog', exact: true }));
  expect(await sessionIdentity(page)).toEqual({
    status: 200,
    userEntityRef: 'user:default/alice.nguyen',
  });

  // The session survives a reload, and Settings shows who is signed in.
  await page.goto(`${backendUrl}/settings`);
  await expectOnScreen(page.getByText(alice.email).first());
  await expectOnScreen(page.getByText(alice.name).first());
});

test('a person with no User entity is refused and gets no session', async ({
  page,
}) => {
  await signInThroughProvider(page, stranger.login);
  await expectOnScreen(
    page.getByText(
      `Sign-in refused: no user in the catalog has the email '${stranger.email}'`,
    ),
  );
  await expectOnScreen(page.getByRole('button', { name: 'Sign In' }));
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toHaveCount(0);
  expect((await sessionIdentity(page)).status).not.toBe(200);
});

test('a departed user is refused and gets no session', async ({
  page,
}, testInfo) => {
  await signInThroughProvider(page, martin.login);
  await expectOnScreen(
    page.getByText(
      "Sign-in refused: 'user:default/martin.keller' is marked as departed",
    ),
  );
  await keepScreenshot(page, testInfo, 'sign-in-refused-departed');
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toHaveCount(0);
  expect((await sessionIdentity(page)).status).not.toBe(200);
});
