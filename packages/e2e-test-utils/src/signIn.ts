import { Page } from '@playwright/test';
import { expectOnScreen } from './onScreen';

/** Enters the portal as the local-development guest and waits until the sidebar is on screen. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expectOnScreen(enter);
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expectOnScreen(nav.getByRole('link', { name: 'Catalog', exact: true }));
}

/** The signed-in guest's Backstage token as a header, for API calls beside the UI. */
export async function guestAuthHeader(page: Page) {
  const token = await page.evaluate(async () => {
    const res = await fetch('/api/auth/guest/refresh', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      credentials: 'include',
    });
    return (await res.json()).backstageIdentity.token as string;
  });
  return { authorization: `Bearer ${token}` };
}
