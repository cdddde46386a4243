import { test, expect } from '@playwright/test';
import { signInAsGuest } from '@internal/e2e-test-utils';

// app-config.e2e.yaml runs the ownership check every 10 seconds; the first run may still be
// pending when the test starts, so the checks below poll by reloading.

test('a component owned by a departed user shows the owner warning', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/label-printer-bridge');
  await expect(
    page.getByRole('heading', { name: 'Label Printer Bridge' }).first(),
  ).toBeVisible();
  const warning = page.getByText('Error: Owner has left');
  await expect(async () => {
    await page.reload();
    await expect(warning).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const alert = page.getByRole('alert').filter({ hasText: 'Owner has left' });
  await expect(alert).toContainText(
    "Owner 'user:default/martin.keller' has left",
  );
  await expect(alert).toContainText('Suggested owner');
  await expect(alert.getByRole('link', { name: /Logistics/ })).toHaveAttribute(
    'href',
    /\/catalog\/default\/group\/logistics$/,
  );
});

test('the Ownership page lists problems grouped by team', async ({ page }) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Ownership' }).click();
  await expect(page).toHaveURL(/\/ownership$/);

  const logistics = page
    .getByRole('table')
    .filter({ hasText: 'Label Printer Bridge' });
  await expect(async () => {
    await page.reload();
    await expect(logistics).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText(/^logistics \(\d+\)$/)).toBeVisible();
  await expect(page.getByText(/^route-planning \(\d+\)$/)).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Route Optimizer' }),
  ).toBeVisible();

  // Filter by problem type: only the empty group remains.
  await page.getByRole('button', { name: 'All problems' }).click();
  await page
    .getByRole('option', { name: 'Owner group has no members' })
    .click();
  await expect(
    page.getByRole('link', { name: 'Route Optimizer' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Label Printer Bridge' }),
  ).toBeHidden();
});
