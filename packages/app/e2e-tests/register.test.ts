import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  guestAuthHeader,
  keepScreenshot,
  serveCatalogFiles,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// app-config.e2e.yaml lets the backend read from this port only.
const PORT = 7081;

// A fresh name each run, so the test also passes against a backend that is kept running.
const suffix = Date.now().toString(36);
const title = `Inventory Service ${suffix}`;

const files: Record<string, string> = {
  [`/inventory-${suffix}/catalog-info.yaml`]: `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: inventory-${suffix}
  title: ${title}
  description: Keeps warehouse stock levels, registered by the end-to-end test.
spec:
  type: service
  lifecycle: experimental
  owner: group:default/logistics
  system: shipping
`,
  // The example URL the page offers (lighthouse.register.exampleUrl in app-config.e2e.yaml).
  '/example/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: register-example
spec:
  type: service
  lifecycle: experimental
  owner: group:default/logistics
`,
  '/broken/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken-service
  description: [unclosed
spec:
  type: service
`,
};

serveCatalogFiles(PORT, urlPath => files[urlPath]);

test('the example URL the page offers is one this portal can read', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog-import');
  const example = `http://localhost:${PORT}/example/catalog-info.yaml`;
  await expectOnScreen(page.getByText(`e.g. ${example}`));
  await keepScreenshot(page, test.info(), 'register');
  await page.getByRole('textbox', { name: /URL/ }).fill(example);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expectOnScreen(page.getByText('register-example', { exact: true }));
  await expectOnScreen(page.getByRole('button', { name: 'Import' }));
});

test('errors say which host is not allowed and clear when the URL changes', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog-import');
  const url = page.getByRole('textbox', { name: /URL/ });
  await url.fill('http://localhost:7999/team/repo/catalog-info.yaml');
  await page.getByRole('button', { name: 'Analyze' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'not allowed' });
  await expectOnScreen(error);
  await expect(error).toHaveText(
    /^The portal is not allowed to read from localhost:7999\. .*backend\.reading\.allow with "- host: localhost:7999"/,
  );
  await keepScreenshot(page, test.info(), 'register-host-not-allowed');
  await url.fill(`http://localhost:${PORT}/example/catalog-info.yaml`);
  await expect(error).toHaveCount(0);

  // An allowed host with nothing at the path.
  await url.fill(`http://localhost:${PORT}/nothing-here/catalog-info.yaml`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expectOnScreen(
    page.getByRole('alert').filter({
      hasText: `There is no file at http://localhost:${PORT}/nothing-here/catalog-info.yaml`,
    }),
  );
});

test('an existing component is registered from its catalog-info.yaml', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog-import');
  await page
    .getByRole('textbox', { name: /URL/ })
    .fill(`http://localhost:${PORT}/inventory-${suffix}/catalog-info.yaml`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expectOnScreen(page.getByText(`inventory-${suffix}`, { exact: true }));
  await keepScreenshot(page, test.info(), 'register-review');
  await page.getByRole('button', { name: 'Import' }).click();
  await expectOnScreen(
    page.getByText(/added to the catalog|registered/i).first(),
  );

  // The catalog processes the new location in the background.
  await expect(async () => {
    await page.goto('/catalog?filters[kind]=component&filters[user]=all');
    await expectOnScreen(
      page.getByRole('table').first().getByRole('link', { name: title }),
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 90_000 });
  await page
    .getByRole('table')
    .first()
    .getByRole('link', { name: title })
    .click();
  await expectOnScreen(page.getByText('Keeps warehouse stock levels').first());
});

test('a malformed catalog-info.yaml is refused with the reason, and the catalog is unchanged', async ({
  page,
  request,
}) => {
  await signInAsGuest(page, '/catalog-import');
  await page
    .getByRole('textbox', { name: /URL/ })
    .fill(`http://localhost:${PORT}/broken/catalog-info.yaml`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expectOnScreen(
    page.getByRole('alert').filter({ hasText: /not valid YAML/ }),
  );
  await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await keepScreenshot(page, test.info(), 'register-broken-yaml');

  // Nothing named in the broken file reached the catalog, and the examples are still there.
  const broken = await request.get(
    '/api/catalog/entities/by-name/component/default/broken-service',
    {
      headers: await guestAuthHeader(page),
    },
  );
  expect(broken.status()).toBe(404);
  const kept = await request.get(
    '/api/catalog/entities/by-name/component/default/payments-service',
    {
      headers: await guestAuthHeader(page),
    },
  );
  expect(kept.status()).toBe(200);
});
