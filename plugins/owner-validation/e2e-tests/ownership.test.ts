import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  sidebarNav,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// app-config.e2e.yaml runs the ownership check every 10 seconds; the first run may still be
// pending when the test starts, so the checks below poll by reloading.

test('a component owned by a departed user shows the owner warning', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/label-printer-bridge');
  await expectOnScreen(
    page.getByRole('heading', { name: 'Label Printer Bridge' }).first(),
  );
  const warning = page.getByText('Error: Owner has left');
  await expect(async () => {
    await page.reload();
    await expectOnScreen(warning, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await keepScreenshot(page, test.info(), 'entity-owner-warning');
  const alert = page.getByRole('alert').filter({ hasText: 'Owner has left' });
  // The owner by the name the catalog shows, linked, not as a raw entity ref.
  await expect(alert).toContainText('Owner Martin Keller has left');
  await expect(alert).not.toContainText('user:default/');
  await expectOnScreen(alert.getByRole('link', { name: /Martin Keller/ }));
  await expect(alert).toContainText('Suggested owner');
  await expect(alert.getByRole('link', { name: /Logistics/ })).toHaveAttribute(
    'href',
    /\/catalog\/default\/group\/logistics$/,
  );
});

test('the Ownership page lists problems grouped by team', async ({ page }) => {
  await signInAsGuest(page);
  const nav = sidebarNav(page);
  await nav.getByRole('link', { name: 'Ownership' }).click();
  await expect(page).toHaveURL(/\/ownership$/);

  const logistics = page
    .getByRole('table')
    .filter({ hasText: 'Label Printer Bridge' });
  await expect(async () => {
    await page.reload();
    await expectOnScreen(logistics, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  // Sections are headed with the team's name as the catalog shows it, not its ref.
  await expectOnScreen(
    page.getByRole('heading', { name: /^Logistics( Team)? \(\d+\)$/ }),
  );
  await expectOnScreen(
    page.getByRole('heading', { name: /^Route Planning( Team)? \(\d+\)$/ }),
  );
  await expectOnScreen(
    page.getByText(
      /Metadata quality counts the errors and the persons as owners/,
    ),
  );
  await expectOnScreen(page.getByRole('link', { name: 'Route Optimizer' }));
  // Details says who the owner is by name, not by the raw ref of the server's message.
  await expectOnScreen(
    logistics
      .getByRole('row')
      .filter({ hasText: 'Label Printer Bridge' })
      .getByText(/Owner Martin Keller has left/),
  );
  await expect(logistics).not.toContainText('user:default/');
  await keepScreenshot(page, test.info(), 'ownership');

  // Filter by problem type: only the empty group remains.
  await page.getByRole('button', { name: 'All problems' }).click();
  await page
    .getByRole('option', { name: 'Owner group has no members' })
    .click();
  await expectOnScreen(page.getByRole('link', { name: 'Route Optimizer' }));
  await expect(
    page.getByRole('link', { name: 'Label Printer Bridge' }),
  ).toBeHidden();
});
