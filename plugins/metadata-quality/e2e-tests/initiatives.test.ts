import { expect, test } from '@playwright/test';
import {
  expectOnScreen,
  guestAuthHeader,
  keepScreenshot,
  sidebarNav,
  signInAsGuest,
} from '@internal/e2e-test-utils';

const dayIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// The guest is a member of group:default/platform, an admin in app-config.yaml: it may create one.
test('an admin creates an initiative and its page shows the progress', async ({
  page,
}) => {
  await signInAsGuest(page);
  await sidebarNav(page).getByRole('link', { name: 'Quality' }).click();
  await page.getByRole('link', { name: 'Initiatives', exact: true }).click();
  await expect(page).toHaveURL(/\/quality\/initiatives$/);

  const title = `Runbooks for payments ${Date.now()}`;
  await expectOnScreen(page.getByText('New initiative'));
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page
    .getByRole('checkbox', { name: 'Has a runbook link', exact: true })
    .check();
  await page
    .getByRole('textbox', { name: 'Rule title', exact: true })
    .fill('Has an on-call link');
  await page
    .getByRole('textbox', { name: 'Link title or type', exact: true })
    .fill('on-?call');
  await page
    .getByRole('textbox', { name: 'Kinds', exact: true })
    .fill('Component');
  await page
    .getByRole('textbox', { name: 'Owners', exact: true })
    .fill('payments');
  await page.getByLabel('Start', { exact: true }).fill(dayIn(0));
  await page.getByLabel('Deadline', { exact: true }).fill(dayIn(29));
  await page.getByRole('button', { name: 'Create initiative' }).click();

  await expect(page).toHaveURL(/\/quality\/initiatives\/\d+$/);
  const id = /\/(\d+)$/.exec(page.url())![1];
  try {
    // Creating it started a full evaluation; the page shows its outcome once measured.
    await expect(async () => {
      await page.reload();
      await expectOnScreen(page.getByText(/^Measured by the evaluation of/), {
        timeout: 5_000,
      });
    }).toPass({ timeout: 90_000 });
    await expectOnScreen(page.getByText(title).first());
    const progress = page.getByText(
      /^[1-9]\d* of [1-9]\d* entit(y passes|ies pass) \(\d+%\)$|^0 of [1-9]\d* entit(y passes|ies pass) \(0%\)$/,
    );
    await expectOnScreen(progress.first());
    await expectOnScreen(page.getByText(/29 days left|30 days left/));
    const chart = page.getByRole('img', {
      name: `Share of all entities passing ${title} over time, in percent`,
    });
    await expectOnScreen(chart);
    expect((await chart.boundingBox())!.height).toBeGreaterThan(80);
    // Every targeted entity is the payments team's.
    const teams = page
      .locator('.MuiPaper-root')
      .filter({ has: page.getByRole('heading', { name: 'Teams' }) });
    await expectOnScreen(
      teams.getByRole('link', { name: 'Payments Team' }).first(),
    );
    await keepScreenshot(page, test.info(), 'initiative-page');

    // The initiatives list shows it with its days left and progress.
    await page.goto('/quality/initiatives');
    await expectOnScreen(page.getByRole('link', { name: title }));
    await keepScreenshot(page, test.info(), 'initiatives-list');
  } finally {
    await page.request.delete(`/api/metadata-quality/initiatives/${id}`, {
      headers: await guestAuthHeader(page),
    });
  }
});
