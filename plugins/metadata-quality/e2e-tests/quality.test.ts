import { test, expect } from '@playwright/test';
import { signInAsGuest } from '@internal/e2e-test-utils';

// app-config.e2e.yaml runs the first full evaluation a few seconds after the backend starts.
test('an entity card shows the score and a failing check', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/checkout-web');
  const score = page.getByRole('heading', { name: 'Quality score' });
  await expect(async () => {
    await page.reload();
    await expect(score).toHaveText(/^Score \d+/, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  // checkout-web has no TechDocs.
  await expect(page.getByText('Failing checks')).toBeVisible();
  await expect(page.getByText('Has TechDocs')).toBeVisible();
  await expect(
    page.getByText('Annotation backstage.io/techdocs-ref is missing'),
  ).toBeVisible();

  // The Quality tab of the entity page (the sidebar has a Quality link too).
  await page
    .locator('a[href$="/component/checkout-web/quality"]')
    .first()
    .click();
  await expect(page).toHaveURL(/\/checkout-web\/quality$/);
  await expect(page.getByRole('heading', { name: 'Rules' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Has TechDocs', exact: true }),
  ).toBeVisible();
});

test('the Quality page shows the team leaderboard', async ({ page }) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Quality' })
    .click();
  await expect(page).toHaveURL(/\/quality$/);
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('link', { name: 'Payments Team' }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText('Team leaderboard')).toBeVisible();
  await expect(page.getByText('Score distribution')).toBeVisible();
  await expect(page.getByText('Worst entities')).toBeVisible();

  // POST /evaluate, allowed by the portal's allow-all permission policy.
  await page.getByRole('button', { name: 'Re-evaluate now' }).click();
  await expect(
    page.getByText(/^Scored \d+ entities in \d+ ms\.$/),
  ).toBeVisible();
});
