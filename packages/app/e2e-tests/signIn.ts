import { Page, expect } from '@playwright/test';

/** Enters the portal as the local-development guest and waits for the sidebar. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
