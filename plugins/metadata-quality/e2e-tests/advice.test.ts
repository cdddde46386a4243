import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  signInAsGuest,
} from '@internal/e2e-test-utils';

test("the quality card's owner fix is this entity's YAML with the owner the owner card suggests", async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/catalog/default/component/label-printer-bridge');
  const ownerAlert = page
    .getByRole('alert')
    .filter({ hasText: 'Owner has left' });
  const ownerCheck = page
    .getByTestId('failing-check')
    .filter({ hasText: 'Owner is a known team' });
  // Owner validation runs every 10 s in the tests and quality follows within a pass: reload until both say it.
  await expect(async () => {
    await page.reload();
    await expectOnScreen(ownerAlert, { timeout: 5_000 });
    await expectOnScreen(ownerCheck.getByText(/Owner validation suggests/), {
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });

  // Both cards name the same team.
  await expect(
    ownerAlert.getByRole('link', { name: /Logistics/ }),
  ).toHaveAttribute('href', /\/catalog\/default\/group\/logistics$/);
  await expect(ownerCheck).toContainText(
    'Owner validation suggests group:default/logistics.',
  );
  // The YAML is this entity's own document, not a template's example.
  const yaml = ownerCheck
    .locator('pre, code')
    .filter({ hasText: 'kind: Component' })
    .first();
  await expectOnScreen(yaml);
  await expect(yaml).toContainText('name: label-printer-bridge');
  await expect(yaml).toContainText('owner: logistics');
  await expect(
    page.getByTestId('failing-check').filter({ hasText: 'payments' }),
  ).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'quality-card-owner-fix');
});

test('group and user pages have no quality card and ask the quality API nothing it cannot answer', async ({
  page,
}, testInfo) => {
  const missing: string[] = [];
  page.on('response', res => {
    if (res.url().includes('/api/metadata-quality/') && res.status() === 404) {
      missing.push(res.url());
    }
  });
  await signInAsGuest(page, '/catalog/default/group/logistics');
  await expectOnScreen(
    page.getByRole('heading', { name: /Logistics/ }).first(),
  );
  await expect(page.getByText('Metadata quality', { exact: true })).toHaveCount(
    0,
  );
  await keepScreenshot(page, testInfo, 'group-page');
  await page.goto('/catalog/default/user/martin.keller');
  await expectOnScreen(
    page.getByRole('heading', { name: /Martin Keller/ }).first(),
  );
  await expect(page.getByText('Metadata quality', { exact: true })).toHaveCount(
    0,
  );
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);
});
