import { test, expect, Page } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  signInAsGuest,
} from '@internal/e2e-test-utils';
import { expectWrapsAtSpacesOnly, lineCount } from './readable';

const allComponents = '/catalog?filters[kind]=component&filters[user]=all';

/** Every name, system and owner cell of the catalog table wraps only at spaces; the table fits. */
async function expectTableReadable(page: Page) {
  const table = page.getByRole('table').first();
  await expectOnScreen(table.getByRole('link', { name: 'Payments Service' }));
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    for (const link of await rows.nth(i).getByRole('link').all()) {
      await expectWrapsAtSpacesOnly(link);
    }
  }
  // Nothing hangs past the right edge: the last column (the star) is on screen, in the viewport.
  const viewport = page.viewportSize()!;
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  await expectOnScreen(
    table
      .getByRole('row')
      .filter({ hasText: 'Payments Service' })
      .getByRole('button', { name: /favorites/ }),
  );
  // A description reads as a sentence (three lines), not two words and an ellipsis.
  const description = table
    .getByRole('row')
    .filter({ hasText: 'Payments Service' })
    .getByText(/^Authorises, captures and refunds/);
  await expectOnScreen(description);
  expect(await lineCount(description)).toBeGreaterThanOrEqual(2);
  await expectWrapsAtSpacesOnly(description);
}

test('the catalog table reads at 1440 px: names whole, descriptions as sentences, owner chips whole', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, allComponents);
  await expectOnScreen(
    page.getByRole('heading', { name: /^All Components/ }).first(),
  );
  await expectTableReadable(page);
  await expectOnScreen(page.getByRole('columnheader', { name: 'Tags' }));

  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: /Payments Team/ }).click();
  await page.getByRole('option', { name: /Logistics Team/ }).click();
  await page.keyboard.press('Escape');
  for (const name of ['Payments Team', 'Logistics Team']) {
    const chip = page.getByRole('button', { name }).locator('.MuiChip-label');
    await expectOnScreen(chip);
    // The chip shows its whole label: nothing is cut off with an ellipsis.
    const cut = await chip.evaluate(el => el.scrollWidth > el.clientWidth + 1);
    expect(cut, `the '${name}' chip is truncated`).toBe(false);
  }
  await keepScreenshot(page, testInfo, 'catalog-1440');
});

test('the catalog table reads at 1280 px', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsGuest(page, allComponents);
  await expectTableReadable(page);
  // The filter column is wide enough for its labels: "Owned" is not cut to "Ownec".
  // ("Starred" is greyed out while nothing is starred, so only "Owned" counts as seen.)
  for (const label of ['Owned']) {
    const text = page.getByText(label, { exact: true }).first();
    await expectOnScreen(text);
    const cut = await text.evaluate(el => el.scrollWidth > el.clientWidth + 1);
    expect(cut, `'${label}' is truncated`).toBe(false);
  }
  await keepScreenshot(page, testInfo, 'catalog-1280');
});

test('the catalog lists the examples and filters them by kind and owner', async ({
  page,
}) => {
  // Everyone's components, not only the guest's own (the default "Owned" view).
  await signInAsGuest(page, allComponents);
  await expectOnScreen(
    page.getByRole('heading', { name: /^All Components/ }).first(),
  );
  const table = page.getByRole('table').first();
  await expectOnScreen(table.getByRole('link', { name: 'Payments Service' }));
  await expectOnScreen(table.getByRole('link', { name: 'Checkout Web' }));

  // Kind: APIs only.
  await page.getByRole('button', { name: 'Component' }).click();
  await page.getByRole('option', { name: 'API' }).click();
  await expectOnScreen(table.getByRole('link', { name: 'Payments API' }));
  await expect(
    table.getByRole('link', { name: 'Payments Service' }),
  ).toBeHidden();

  // Back to components, owned by the payments team only.
  await page.getByRole('button', { name: 'API' }).click();
  await page.getByRole('option', { name: 'Component' }).click();
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: /Payments/ }).click();
  await page.keyboard.press('Escape');
  await expectOnScreen(table.getByRole('link', { name: 'Payments Service' }));
  await expect(table.getByRole('link', { name: 'Checkout Web' })).toBeHidden();
});

test('a component page shows its owner, system and APIs', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/catalog/default/component/payments-service');
  await expectOnScreen(
    page.getByRole('heading', { name: 'Payments Service' }).first(),
  );
  const about = page.locator('article').filter({ hasText: 'About' }).first();
  await expectOnScreen(about.getByRole('link', { name: 'Payments Team' }));
  await expect(
    about.getByRole('link', { name: 'Payments Team' }),
  ).toHaveAttribute('href', /\/catalog\/default\/group\/payments$/);
  await expect(
    about.getByRole('link', { name: 'Payments', exact: true }),
  ).toHaveAttribute('href', /\/catalog\/default\/system\/payments$/);

  const provided = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'Provided APIs' }) });
  await expectOnScreen(provided.getByRole('link', { name: 'Payments API' }));
  await keepScreenshot(page, testInfo, 'component-payments-service');

  // The API's own page renders its OpenAPI definition.
  await provided.getByRole('link', { name: 'Payments API' }).click();
  await expectOnScreen(
    page.getByRole('link', { name: '/payments/{paymentId}', exact: true }),
  );
});
