import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  sidebarNav,
  signInAsGuest,
} from '@internal/e2e-test-utils';

test('a user page says when the person has left', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/catalog/default/user/martin.keller');
  await expectOnScreen(
    page.getByRole('heading', { name: 'Martin Keller' }).first(),
  );
  await expectOnScreen(page.getByText('Martin Keller has left'));
  await keepScreenshot(page, testInfo, 'user-departed');

  // Someone still here gets no such notice.
  await page.goto('/catalog/default/user/guest');
  await expectOnScreen(page.getByRole('heading', { name: /guest/i }).first());
  await expect(page.getByText(/has left$/)).toHaveCount(0);
});

test('the entity header and the About card name a person the same way', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/catalog/default/user/martin.keller');
  // The page title is the person's display name, as in the profile card, not the entity name.
  await expectOnScreen(
    page.getByRole('heading', { name: 'Martin Keller', exact: true }).first(),
  );
  await expect(
    page.getByRole('heading', { name: 'martin.keller', exact: true }),
  ).toHaveCount(0);
  await page.goto('/catalog/default/component/label-printer-bridge');
  const ownerLinks = page.getByRole('link', { name: /martin/i });
  await expectOnScreen(ownerLinks.first());
  // Every link to the owner on the page, in the header and in the About card, reads the same, once
  // the links have resolved the entity (a link shows the raw ref until then).
  await expect
    .poll(async () => [
      ...new Set(
        // An avatar's initial may come first, on a line of its own.
        (await ownerLinks.allInnerTexts())
          .map(t => t.trim().split('\n').pop()!.trim())
          .filter(Boolean),
      ),
    ])
    .toEqual(['Martin Keller']);
  await keepScreenshot(page, testInfo, 'component-owned-by-person');
});

test('a group page says when nobody is in the team', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/catalog/default/group/route-planning');
  await expectOnScreen(
    page.getByRole('heading', { name: 'Route Planning Team' }).first(),
  );
  await expectOnScreen(page.getByText('Route Planning Team has no members'));
  await keepScreenshot(page, testInfo, 'group-empty');

  // A team with people in it gets no such notice.
  await page.goto('/catalog/default/group/payments');
  await expectOnScreen(page.getByRole('heading', { name: /Payments/ }).first());
  await expect(page.getByText(/has no members$/)).toHaveCount(0);
});

test('Docs opens on every site, not only the guest’s own', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/');
  await sidebarNav(page)
    .getByRole('link', { name: 'Docs', exact: true })
    .click();
  await expectOnScreen(page.getByRole('heading', { name: /^All \(\d+\)/ }));
  await expectOnScreen(
    page.getByRole('link', { name: 'Payments Service' }).first(),
  );
  await keepScreenshot(page, testInfo, 'docs-index');
});

test('Catalog Graph from the sidebar starts from the domains and their systems', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page, '/');
  await sidebarNav(page).getByRole('link', { name: 'Catalog Graph' }).click();
  for (const node of ['Commerce', 'Payments', 'Payments Service']) {
    await expectOnScreen(
      page.locator('svg').getByText(node, { exact: true }).first(),
    );
  }
  await keepScreenshot(page, testInfo, 'catalog-graph');
});
