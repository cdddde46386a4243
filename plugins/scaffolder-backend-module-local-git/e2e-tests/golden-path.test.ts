import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInAsGuest } from '@internal/e2e-test-utils';

// app-config.e2e.yaml puts the repositories here.
const reposRoot = path.resolve(
  __dirname,
  '../../../node_modules/.cache/portal-test/repositories',
);
/** Chooses the New service card on the Create page. */
async function chooseNewService(page: Page) {
  // The innermost element holding both the title and a Choose button is the card.
  const card = page
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'New service', exact: true }),
    })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/new-service/);
}

// A fresh name each run, so the test also passes against a backend that is kept running.
const name = `parcel-tracker-${Date.now().toString(36)}`;

test('the New service golden path creates a service with its docs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/create');
  await chooseNewService(page);

  // Step 1: about the service.
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Tracks parcels between depots');
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page
    .getByRole('option', { name: /logistics/i })
    .first()
    .click();
  await page.getByRole('textbox', { name: 'System' }).click();
  await page
    .getByRole('option', { name: /shipping/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: TypeScript (the default), a database, experimental.
  await page.getByRole('checkbox', { name: 'Needs a database' }).check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page lists the steps; every one completes.
  for (const step of [
    'Check name, owner and system',
    'Render catalog entry, docs and CI',
    'Render the service code',
    'Create the repository',
    'Register in the catalog',
  ]) {
    await expect(page.getByText(step).first()).toBeVisible();
  }
  const open = page.getByRole('link', { name: 'Open in catalog' });
  await expect(open).toBeVisible({ timeout: 90_000 });
  expect(fs.existsSync(path.join(reposRoot, `${name}.git`))).toBe(true);

  await open.click();
  await expect(page.getByRole('heading', { name }).first()).toBeVisible();
  const about = page.locator('article').filter({ hasText: 'About' }).first();
  await expect(about.getByRole('link', { name: /logistics/i })).toBeVisible();

  // TechDocs builds the new repository's docs on first view.
  await page.goto(`/docs/default/component/${name}`);
  await expect(
    page.getByRole('heading', { name, level: 1 }).last(),
  ).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText('Tracks parcels between depots').last(),
  ).toBeVisible();
});

test('a taken name is refused by the validation step and creates no repository', async ({
  page,
}) => {
  await signInAsGuest(page, '/create');
  await chooseNewService(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('Not Kebab');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Tracks parcels between depots');
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page
    .getByRole('option', { name: /logistics/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  // The JSON schema's pattern refuses the name in the form, before anything runs.
  await expect(page.getByText(/must match pattern/i).first()).toBeVisible();

  await page.getByRole('textbox', { name: 'Name' }).fill('payments-service');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page
      .getByText(/name: 'component:default\/payments-service' already exists/)
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  expect(fs.existsSync(path.join(reposRoot, 'payments-service.git'))).toBe(
    false,
  );
});
