import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  guestAuthHeader,
  keepScreenshot,
  sidebarNav,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// The guest is a member of the platform team, which owns the portal's own entities
// (catalog-info.yaml, examples/: Lighthouse, Lighthouse Theme, Developer Portal, Engineering
// Enablement) and none of the examples with ownership problems.

test('the home page shows what the guest and the platform team own and what to fix first', async ({
  page,
}, testInfo) => {
  // Star an entity first (starred entities are kept per user, so it may be starred already).
  await signInAsGuest(page, '/catalog/default/component/lighthouse-theme');
  const star = page.getByRole('button', { name: 'Add to favorites' });
  const unstar = page.getByRole('button', { name: 'Remove from favorites' });
  await expectOnScreen(star.or(unstar));
  if (await unstar.isVisible()) await unstar.click();
  await star.click();
  await expectOnScreen(unstar);

  // The sidebar's Home is the home page at /.
  await sidebarNav(page)
    .getByRole('link', { name: 'Home', exact: true })
    .last()
    .click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expectOnScreen(
    page.getByRole('heading', { name: 'Welcome, Guest User' }),
  );
  await expectOnScreen(page.getByPlaceholder('Search entities and docs'));

  // An entity's level as the quality API holds it, named as the page names it.
  const headers = await guestAuthHeader(page);
  const levelOf = async (kind: string, name: string) => {
    const res = await page.request.get(
      `/api/metadata-quality/entities/${kind}/default/${name}`,
      { headers },
    );
    expect(res.status(), `score of ${kind}:${name}`).toBe(200);
    return ((await res.json()).level as string | null) ?? 'No level';
  };

  // Each widget is a region named by its title.
  const card = (title: string) =>
    page.getByRole('region', { name: title, exact: true });

  // Needs your action first: the lowest score first, with the rule it fails and what to do.
  const action = card('Needs your action first');
  // Entities an earlier spec unregistered leave the scores within seconds (the catalog change
  // queue's deletion check); the page shows what was scored when it loaded, so reload until then.
  await expect(async () => {
    await page.reload();
    await expectOnScreen(
      action.getByText(/^\d of your 4 entities fail a quality rule/),
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 60_000 });
  const first = action.getByRole('listitem').first();
  await expectOnScreen(
    first.getByRole('link', { name: 'Lighthouse', exact: true }),
  );
  // Which rule fails, and what to add, as the rule's YAML example.
  await expectOnScreen(first.locator('strong').first());
  await expectOnScreen(first.locator('code').first());
  await expect(
    first.getByRole('link', { name: 'Quality tab' }),
  ).toHaveAttribute(
    'href',
    /\/catalog\/default\/component\/lighthouse\/quality$/,
  );

  // Open owner findings: none for the platform team, said in words.
  const findings = card('Open owner findings');
  await expectOnScreen(findings.getByText(/^No open owner findings/));
  await expectOnScreen(findings.getByRole('link', { name: /Platform/ }));

  // Every entity the guest's teams own, with its level.
  const owned = card("Your teams' entities");
  const row = (name: string) =>
    owned
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) });
  // The levels are the ones the portal holds now: a score rises once the portal has built the
  // entity's docs, so a page loaded before that build is read again.
  await expect(async () => {
    await page.reload();
    await expectOnScreen(
      first.getByText(await levelOf('component', 'lighthouse')),
      { timeout: 10_000 },
    );
    for (const [title, kind, name] of [
      ['Engineering Enablement', 'domain', 'engineering-enablement'],
      ['Lighthouse Theme', 'component', 'lighthouse-theme'],
      ['Lighthouse', 'component', 'lighthouse'],
    ]) {
      await expectOnScreen(row(title).getByText(await levelOf(kind, name)), {
        timeout: 10_000,
      });
    }
  }).toPass({ timeout: 90_000 });

  await expectOnScreen(
    card('Recently changed').getByRole('link', { name: 'Developer Portal' }),
  );
  await expectOnScreen(
    card('Your Starred Entities').getByText('Lighthouse Theme', {
      exact: true,
    }),
  );

  // Back to the top of the page (the checks above scrolled down) for the screenshot.
  await page
    .getByRole('heading', { name: 'Welcome, Guest User' })
    .scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'home');

  // The catalog is one click away.
  await page.getByRole('link', { name: 'Browse the whole catalog' }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expectOnScreen(
    page.getByRole('heading', { name: /Components/ }).first(),
  );
});

test('the search modal waits for a query, then names the entity of every result', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/');
  await sidebarNav(page).getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await expectOnScreen(
    dialog.getByText(/^Type a name, a team or a word from the docs/),
  );
  await expect(dialog.getByText(/no results/i)).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'search-modal-empty');

  const searchBox = dialog.getByRole('textbox', { name: 'Search' });
  await searchBox.fill('payments');
  const catalogResult = dialog
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name: 'Payments Service', exact: true }),
    })
    .first();
  await expectOnScreen(catalogResult.getByText('Kind: Component'));
  await expectOnScreen(catalogResult.getByText('Owner: payments'));
  await expect(dialog.getByText(/no results/i)).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'search-modal');
});
