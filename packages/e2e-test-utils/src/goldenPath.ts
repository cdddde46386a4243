import { expect, Page } from '@playwright/test';
import path from 'node:path';
import { guestAuthHeader, signInAsGuest } from './signIn';

/** Where `app-config.e2e.yaml` puts the golden paths' repositories (bare ones and checkouts). */
export const e2eRepositories = path.resolve(
  __dirname,
  '../../../node_modules/.cache/portal-test/repositories',
);

/** Calls the backend as the signed-in person: GET, or POST with `data`; fails the test with the body on an error. */
export type PortalApi = (pathname: string, data?: unknown) => Promise<any>;

/** A {@link PortalApi} with the given auth headers, through the page's request context. */
export function portalApi(
  page: Page,
  headers: Record<string, string>,
): PortalApi {
  return async (pathname, data) => {
    const res = data
      ? await page.request.post(pathname, { headers, data })
      : await page.request.get(pathname, { headers });
    const text = await res.text();
    expect(res.ok(), `${pathname}: ${text}`).toBe(true);
    return text ? JSON.parse(text) : undefined;
  };
}

/**
 * Runs the New service golden path (TypeScript, no database, production, system shipping) through
 * the scaffolder's API, as the form would, and waits for its task to complete: a real repository
 * in {@link e2eRepositories}, registered in the catalog.
 */
export async function createGoldenPathService(
  api: PortalApi,
  values: { name: string; description: string; owner: string },
) {
  await expect
    .poll(
      async () =>
        (
          await api(
            '/api/catalog/entities/by-query?filter=kind=template,metadata.name=new-service',
          )
        ).items.length,
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe(1);
  const { id } = await api('/api/scaffolder/v2/tasks', {
    templateRef: 'template:default/new-service',
    values: {
      ...values,
      system: 'system:default/shipping',
      language: 'typescript',
      database: false,
      lifecycle: 'production',
    },
  });
  await expect
    .poll(async () => (await api(`/api/scaffolder/v2/tasks/${id}`)).status, {
      timeout: 120_000,
      intervals: [1000],
    })
    .toBe('completed');
}

/**
 * Signs the guest in on the Create page and makes a golden-path service with `values` (see
 * {@link createGoldenPathService}); returns the guest's auth headers and {@link PortalApi}.
 */
export async function signInWithGoldenPathService(
  page: Page,
  values: { name: string; description: string; owner: string },
) {
  await signInAsGuest(page, '/create');
  const headers = await guestAuthHeader(page);
  const api = portalApi(page, headers);
  await createGoldenPathService(api, values);
  return { headers, api };
}
