import { test, expect, Page } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  sidebarNav,
  signInAsGuest,
} from '@internal/e2e-test-utils';

/** The page's widest content against the window: a page a reader must scroll sideways is broken. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

// app-config.e2e.yaml runs the first full evaluation a few seconds after the backend starts.
test('an entity card shows the score inside its ring and a failing check', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/checkout-web');
  const score = page.getByRole('heading', { name: 'Quality score' });
  await expect(async () => {
    await page.reload();
    await expect(score).toHaveText(/^Score \d+/, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  // checkout-web has no TechDocs.
  const card = page
    .locator('[data-testid="failing-check"]')
    .filter({ hasText: 'Has TechDocs' });
  await expectOnScreen(card.getByText('Has TechDocs', { exact: true }));
  await expectOnScreen(
    card.getByText('Annotation backstage.io/techdocs-ref is missing'),
  );

  // The ring's percentage is drawn inside the ring, not across its edge.
  const gauge = page
    .locator('div')
    .filter({ has: page.locator('svg.rc-progress-circle') })
    .filter({ hasText: /^\d+%$/ })
    .last();
  await expectOnScreen(gauge);
  const fit = await gauge.evaluate(el => {
    const ring = el.querySelector('svg')!.getBoundingClientRect();
    const text = Array.from(el.querySelectorAll('*')).find(
      n => n.children.length === 0 && /^\d+%$/.test(n.textContent ?? ''),
    )!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    // Inside the ring's hole: the stroke is 12% of the ring's width on each side.
    const hole = ring.width * 0.76;
    return {
      text: text.textContent,
      textWidth: Math.round(box.width),
      hole: Math.round(hole),
      inside:
        box.width < hole &&
        box.left >= ring.left &&
        box.right <= ring.right &&
        box.top >= ring.top &&
        box.bottom <= ring.bottom,
    };
  });
  expect(fit, `the score text should fit inside its ring`).toMatchObject({
    inside: true,
  });
  await keepScreenshot(page, test.info(), 'quality-card');

  // The Quality tab of the entity page (the sidebar has a Quality link too).
  await page
    .locator('a[href$="/component/checkout-web/quality"]')
    .first()
    .click();
  await expect(page).toHaveURL(/\/checkout-web\/quality$/);
  await expectOnScreen(page.getByRole('heading', { name: 'Rules' }));
  await expectOnScreen(
    page.getByRole('cell', { name: 'Has TechDocs', exact: true }),
  );
});

test('the Quality page is readable at 1440 px and a rule opens its filtered list', async ({
  page,
}) => {
  await signInAsGuest(page);
  await sidebarNav(page).getByRole('link', { name: 'Quality' }).click();
  await expect(page).toHaveURL(/\/quality$/);
  await expect(async () => {
    await page.reload();
    // The leaderboard starts below the fold at 1440x900: a reader scrolls to it.
    await expectOnScreen(
      page.getByRole('link', { name: 'Payments Team' }).first(),
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 90_000 });

  // No sideways scrolling, and the cards keep a margin from the sidebar.
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
  // The sidebar's right edge: its items span its width.
  const sidebar = await sidebarNav(page)
    .getByRole('link', { name: 'Quality' })
    .boundingBox();
  const distribution = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Score distribution' });
  await expectOnScreen(distribution.getByText('Score distribution'));
  const card = await distribution.boundingBox();
  expect(card!.x - (sidebar!.x + sidebar!.width)).toBeGreaterThanOrEqual(16);

  // Levels from the lowest up.
  await expectOnScreen(
    distribution.getByText(
      /No level: \d+, Bronze: \d+, Silver: \d+, Gold: \d+\./,
    ),
  );
  // The trend is a chart a person can read, whatever the length of its history.
  const trend = page.getByRole('img', {
    name: /^Average score of .* over time$/,
  });
  await expectOnScreen(trend);
  expect((await trend.boundingBox())!.height).toBeGreaterThan(80);
  await keepScreenshot(page, test.info(), 'quality-page');

  // The leaderboard counts levels from the lowest up too.
  const levelsCells = await page
    .locator('.MuiPaper-root')
    .filter({ has: page.getByRole('heading', { name: 'Team leaderboard' }) })
    .locator('tbody tr td:last-child')
    .allTextContents();
  expect(levelsCells.length).toBeGreaterThan(0);
  const order = ['No level', 'Bronze', 'Silver', 'Gold'];
  for (const cell of levelsCells) {
    const names = cell.split(', ').map(part => part.split(':')[0]);
    expect(names).toEqual(order.filter(name => names.includes(name)));
  }

  // Worst entities: by title, linked to their page, and none at the top level.
  const worst = page.locator('#worst-entities');
  await expectOnScreen(worst.getByText('Worst entities'));
  const rows = worst.locator('tbody tr');
  await expectOnScreen(rows.first());
  const names = await worst
    .locator('tbody tr td:first-child a')
    .allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).not.toMatch(/^[a-z]+:[^/]+\//);
  await expect(
    worst.locator('tbody').getByText('Gold', { exact: true }),
  ).toHaveCount(0);

  // A failing rule lists its entities: the list scrolls into view, and the URL says which rule.
  const rules = page.locator('.MuiPaper-root').filter({
    has: page.getByRole('heading', { name: 'Failing rules' }),
  });
  const rule = rules.getByRole('link', { name: 'Has TechDocs', exact: true });
  await rule.scrollIntoViewIfNeeded();
  await rule.click();
  await expect(page).toHaveURL(/\/quality\?rule=has-techdocs$/);
  await expectOnScreen(worst.getByText(/failing "Has TechDocs"/), {
    scroll: false,
  });
  const failing = await worst
    .locator('tbody tr td:last-child')
    .allTextContents();
  expect(failing.length).toBeGreaterThan(0);
  for (const checks of failing) expect(checks).toContain('Has TechDocs');
  await keepScreenshot(page, test.info(), 'quality-page-rule');

  // The filtered list is a link: opened again, it shows the same rule.
  await page.reload();
  await expectOnScreen(worst.getByText(/failing "Has TechDocs"/));

  // POST /evaluate, allowed by the portal's allow-all permission policy.
  await page.getByRole('button', { name: 'Re-evaluate now' }).click();
  await expectOnScreen(page.getByText(/^Scored \d+ entities in \d+ ms\.$/));
});
