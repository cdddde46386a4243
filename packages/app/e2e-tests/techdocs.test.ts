import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from '@internal/e2e-test-utils';

// TechDocs renders into a shadow root; Playwright's role selectors pierce it.
async function openPaymentsDocs(page: Page) {
  await signInAsGuest(page, '/docs');
  await page.getByText('All', { exact: true }).click();
  await page.getByRole('link', { name: 'Payments Service' }).first().click();
  // The first visit builds the site with mkdocs.
  await expect(
    page.getByRole('heading', { name: 'Payments Service', level: 1 }).last(),
  ).toBeVisible({ timeout: 90_000 });
}

test('an example TechDocs site renders and its navigation reaches a second page', async ({
  page,
}) => {
  await openPaymentsDocs(page);
  await page.getByRole('link', { name: 'Runbook' }).last().click();
  await expect(
    page.getByRole('heading', { name: 'Runbook', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByText('idempotency keys are retained for 72 hours'),
  ).toBeVisible();
  expect(page.url()).toContain(
    '/docs/default/component/payments-service/runbook',
  );
});

test('search finds a component and a phrase from the docs', async ({
  page,
}) => {
  await openPaymentsDocs(page);

  await page.goto('/search?query=fraud%20scoring');
  await expect(
    page.getByRole('link', { name: 'Fraud Scoring Service' }).first(),
  ).toBeVisible();

  // The TechDocs collator runs every 15 s in the e2e config; wait for it to index the built site.
  await expect(async () => {
    await page.goto('/search?query=idempotency%20keys%20retained');
    await expect(
      page.getByRole('link', { name: /Runbook/ }).first(),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
});
