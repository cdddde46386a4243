import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  expectOnScreen,
  keepScreenshot,
  signInAsGuest,
} from '@internal/e2e-test-utils';

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

/** Step 1 of the form, as a person fills it: the name, a description, the logistics team, shipping. */
async function fillAboutTheService(page: Page, name: string) {
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
}

// A fresh name each run, so the test also passes against a backend that is kept running.
const name = `parcel-tracker-${Date.now().toString(36)}`;

test('the New service golden path creates a service with its docs', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/create');
  await keepScreenshot(page, testInfo, 'create-templates');
  await chooseNewService(page);
  // Each field has one help text: the name's rule is said once, below the field.
  await expect(page.getByText(/3-40 lowercase letters/)).toHaveCount(1);
  await expect(page.getByText(/One line of plain text/)).toHaveCount(1);
  await keepScreenshot(page, testInfo, 'create-new-service-form');

  // Step 1: about the service.
  await fillAboutTheService(page, name);

  // Step 2: TypeScript (the default), a database, experimental.
  await page.getByRole('checkbox', { name: 'Needs a database' }).check();
  await page.getByRole('button', { name: 'Review' }).click();
  await expectOnScreen(
    page
      .getByRole('row', { name: /Needs a database/ })
      .getByText('Yes', { exact: true }),
  );
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page lists the steps; every one completes.
  for (const step of [
    'Check name, owner and system',
    'Render catalog entry, docs and CI',
    'Render the service code',
    'Create the repository',
    'Register in the catalog',
  ]) {
    await expectOnScreen(page.getByText(step).first());
  }
  const open = page.getByRole('link', { name: 'Open in catalog' });
  await expectOnScreen(open, { timeout: 90_000 });
  await keepScreenshot(page, testInfo, 'create-task-done');
  expect(fs.existsSync(path.join(reposRoot, `${name}.git`))).toBe(true);

  await open.click();
  await expectOnScreen(page.getByRole('heading', { name }).first());
  const about = page.locator('article').filter({ hasText: 'About' }).first();
  await expectOnScreen(about.getByRole('link', { name: /logistics/i }));

  // TechDocs builds the new repository's docs on first view.
  await page.goto(`/docs/default/component/${name}`);
  await expectOnScreen(page.getByRole('heading', { name, level: 1 }).last(), {
    timeout: 90_000,
  });
  await expectOnScreen(page.getByText('Tracks parcels between depots').last());
});

test('a taken name is refused in the form, in words, and nothing is created', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/create');
  await chooseNewService(page);
  await fillAboutTheService(page, 'Not Kebab');
  // The schema's rule, said as a fix rather than as a regular expression.
  await expectOnScreen(
    page
      .getByText(
        'use lowercase letters, digits and single dashes, starting with a letter',
      )
      .last(),
  );
  await expect(page.getByText(/must match pattern/)).toHaveCount(0);

  // A name the catalog already has is refused on this step: the form asks the backend.
  await page.getByRole('textbox', { name: 'Name' }).fill('payments-service');
  await page.getByRole('button', { name: 'Next' }).click();
  const taken = page
    .getByText(
      "'component:default/payments-service' already exists in the catalog: choose another name",
    )
    .last();
  await expectOnScreen(taken);
  await expectOnScreen(page.getByRole('textbox', { name: 'Name' }));
  await expect(
    page.getByRole('checkbox', { name: 'Needs a database' }),
  ).toHaveCount(0);
  // No stack trace and no server path anywhere on the page.
  const text = await page.locator('main, body').first().innerText();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|\/work\/|node_modules|Error:/);
  await keepScreenshot(page, testInfo, 'create-name-taken');
  expect(fs.existsSync(path.join(reposRoot, 'payments-service.git'))).toBe(
    false,
  );

  // A free name moves on; the review says "No" for the database, not a red cross.
  await page.getByRole('textbox', { name: 'Name' }).fill(`${name}-review`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  const database = page.getByRole('row', { name: /Needs a database/ });
  await expectOnScreen(database.getByText('No', { exact: true }));
  await expect(database.locator('svg')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'create-review');
});
