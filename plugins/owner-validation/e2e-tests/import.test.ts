import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  serveCatalogFiles,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// app-config.e2e.yaml lets the backend read from this port (7081 is packages/app's register test).
const PORT = 7083;

// A fresh name each run, so the test also passes against a backend that is kept running.
const suffix = Date.now().toString(36);
const name = `orphan-${suffix}`;

const files: Record<string, string> = {
  [`/${name}/catalog-info.yaml`]: `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Owned by a departed user, registered by the end-to-end test.
spec:
  type: service
  lifecycle: experimental
  owner: user:default/martin.keller
`,
};

serveCatalogFiles(PORT, urlPath => files[urlPath]);

test('registering a component owned by a departed user shows the owner finding before Import', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog-import');
  await page
    .getByRole('textbox', { name: /URL/ })
    .fill(`http://localhost:${PORT}/${name}/catalog-info.yaml`);
  await page.getByRole('button', { name: 'Analyze' }).click();

  const alert = page
    .getByRole('alert')
    .filter({ hasText: `Owner has left: component:default/${name}` });
  await expectOnScreen(alert);
  await expect(alert).toContainText('Owner Martin Keller has left');
  await expect(alert).toContainText('Suggested owner');
  // The finding is shown on the review step, before anything is registered.
  const importButton = page.getByRole('button', { name: 'Import' });
  await expectOnScreen(importButton);
  await keepScreenshot(page, test.info(), 'register-owner-finding');

  await importButton.click();
  await expectOnScreen(
    page.getByText(/added to the catalog|registered/i).first(),
  );
});
