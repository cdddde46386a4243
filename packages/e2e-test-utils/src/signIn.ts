import { Page } from '@playwright/test';
import { expectOnScreen } from './onScreen';

/** Enters the portal as the local-development guest and waits until the sidebar is on screen. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expectOnScreen(enter);
  await enter.click();
  await expectOnScreen(
    sidebarNav(page).getByRole('link', { name: 'Catalog', exact: true }),
  );
}

/** The portal's sidebar, where its pages are linked. */
export function sidebarNav(page: Page) {
  return page.getByRole('navigation', { name: 'sidebar nav' });
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
