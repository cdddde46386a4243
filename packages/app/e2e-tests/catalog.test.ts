import { test, expect } from '@playwright/test';
import { signInAsGuest } from '@internal/e2e-test-utils';

test('the catalog lists the examples and filters them by kind and owner', async ({
  page,
}) => {
  // Everyone's components, not only the guest's own (the default "Owned" view).
  await signInAsGuest(page, '/catalog?filters[kind]=component&filters[user]=all');
  await expect(page.getByRole('heading', { name: /^All Components/ }).first()).toBeVisible();
  const table = page.getByRole('table').first();
  await expect(table.getByRole('link', { name: 'Payments Service' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Checkout Web' })).toBeVisible();

  // Kind: APIs only.
  await page.getByRole('button', { name: 'Component' }).click();
  await page.getByRole('option', { name: 'API' }).click();
  await expect(table.getByRole('link', { name: 'Payments API' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Payments Service' })).toBeHidden();

  // Back to components, owned by the payments team only.
  await page.getByRole('button', { name: 'API' }).click();
  await page.getByRole('option', { name: 'Component' }).click();
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: /Payments/ }).click();
  await page.keyboard.press('Escape');
  await expect(table.getByRole('link', { name: 'Payments Service' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Checkout Web' })).toBeHidden();
});

test('a component page shows its owner, system and APIs', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/payments-service');
  await expect(
    page.getByRole('heading', { name: 'Payments Service' }).first(),
  ).toBeVisible();
  const about = page.locator('article').filter({ hasText: 'About' }).first();
  await expect(about.getByRole('link', { name: 'Payments Team' })).toHaveAttribute(
    'href',
    /\/catalog\/default\/group\/payments$/,
  );
  await expect(about.getByRole('link', { name: 'Payments', exact: true })).toHaveAttribute(
    'href',
    /\/catalog\/default\/system\/payments$/,
  );

  const provided = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'Provided APIs' }) });
  await expect(provided.getByRole('link', { name: 'Payments API' })).toBeVisible();

  // The API's own page renders its OpenAPI definition.
  await provided.getByRole('link', { name: 'Payments API' }).click();
  await expect(
    page.getByRole('link', { name: '/payments/{paymentId}', exact: true }),
  ).toBeVisible();
});
