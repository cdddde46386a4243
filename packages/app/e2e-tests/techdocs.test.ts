import { test, expect, Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  expectOnScreen,
  keepScreenshot,
  signInAsGuest,
  watchOffsiteRequests,
} from '@internal/e2e-test-utils';

const root = path.resolve(__dirname, '../../..');

/** The docs sources on this host whose sites the tests build: viewing them must not edit them. */
function docsSources() {
  const files = [
    'mkdocs.yml',
    'examples/payments-service/mkdocs.yml',
    'examples/shipment-tracker/mkdocs.yml',
  ];
  return Object.fromEntries(
    files.map(file => [
      file,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

// TechDocs renders into a shadow root and keeps it at opacity 0 until every stylesheet has loaded;
// expectOnScreen checks what a reader sees, through the shadow root.
async function openDocs(
  page: Page,
  title: string,
  docsPath: string,
  signIn = true,
) {
  if (signIn) await signInAsGuest(page, docsPath);
  else await page.goto(docsPath);
  // The first visit builds the site with mkdocs.
  const heading = page.getByRole('heading', { name: title, level: 1 }).last();
  await expectOnScreen(heading, { timeout: 90_000, scroll: false });
  return heading;
}

const before = docsSources();

test('an example TechDocs site is on screen with no request leaving the portal, and its navigation reaches a second page', async ({
  page,
  baseURL,
}, testInfo) => {
  const offsite = watchOffsiteRequests(page, baseURL!);
  await openDocs(
    page,
    'Payments Service',
    '/docs/default/component/payments-service',
  );
  await keepScreenshot(page, testInfo, 'techdocs-payments-service');

  await page.getByRole('link', { name: 'Runbook' }).last().click();
  await expectOnScreen(
    page.getByRole('heading', { name: 'Runbook', level: 1 }),
    { scroll: false },
  );
  await expectOnScreen(
    page.getByText('idempotency keys are retained for 72 hours'),
  );
  expect(page.url()).toContain(
    '/docs/default/component/payments-service/runbook',
  );
  await keepScreenshot(page, testInfo, 'techdocs-payments-runbook');
  offsite.expectNone();
});

test("the portal's own docs and a second example are on screen with no request leaving the portal", async ({
  page,
  baseURL,
}, testInfo) => {
  const offsite = watchOffsiteRequests(page, baseURL!);
  await openDocs(page, 'Lighthouse', '/docs/default/component/lighthouse');
  await expectOnScreen(page.getByText('internal developer portal').first());
  await keepScreenshot(page, testInfo, 'techdocs-lighthouse');

  await openDocs(
    page,
    'Shipment Tracker',
    '/docs/default/component/shipment-tracker',
    false,
  );
  await keepScreenshot(page, testInfo, 'techdocs-shipment-tracker');
  offsite.expectNone();
});

test('building docs from files on this host leaves their mkdocs.yml as it was', async ({
  page,
}) => {
  // The other tests of this file built these sites; build them again should they run alone.
  await openDocs(
    page,
    'Shipment Tracker',
    '/docs/default/component/shipment-tracker',
  );
  expect(docsSources()).toEqual(before);
});

test('search finds a component and a phrase from the docs', async ({
  page,
}, testInfo) => {
  await openDocs(
    page,
    'Payments Service',
    '/docs/default/component/payments-service',
  );

  await page.goto('/search?query=fraud%20scoring');
  await expectOnScreen(
    page.getByRole('link', { name: 'Fraud Scoring Service' }).first(),
  );

  // The TechDocs collator runs every 15 s in the e2e config; wait for it to index the built site.
  await expect(async () => {
    await page.goto('/search?query=idempotency%20keys%20retained');
    await expectOnScreen(page.getByRole('link', { name: /Runbook/ }).first(), {
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
  await keepScreenshot(page, testInfo, 'search-docs');
});
