import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  expectOnScreen,
  keepScreenshot,
  signInAsGuest,
  watchOffsiteRequests,
} from '@internal/e2e-test-utils';

// A repository whose docs try to run scripts: copied into a checkout of the local git root
// (scaffolder.localGit.root in app-config.e2e.yaml), which the catalog registers within seconds.
const fixture = path.join(__dirname, 'fixtures', 'hostile-docs');
const checkout = path.resolve(
  __dirname,
  '../../../node_modules/.cache/portal-test/repositories/checkouts/hostile-docs',
);

test.beforeAll(() => {
  fs.rmSync(checkout, { recursive: true, force: true });
  fs.cpSync(fixture, checkout, { recursive: true });
});

test('TechDocs renders <script>, javascript: links and event handlers inert', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const refresh = await request.get('/api/auth/guest/refresh');
  const token = (await refresh.json()).backstageIdentity.token;
  await expect
    .poll(
      async () =>
        (
          await request.get(
            '/api/catalog/entities/by-name/component/default/hostile-docs',
            {
              headers: { authorization: `Bearer ${token}` },
            },
          )
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);

  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    return dialog.dismiss();
  });
  // Its mkdocs.yml says `theme: material` with no font setting: the portal turns the web fonts off.
  const offsite = watchOffsiteRequests(page, baseURL!);
  await signInAsGuest(page, '/docs/default/component/hostile-docs');
  // The first visit builds the site with mkdocs.
  await expectOnScreen(
    page.getByRole('heading', { name: 'Hostile docs', level: 1 }).last(),
    { timeout: 90_000, scroll: false },
  );
  await expectOnScreen(page.getByText('The end of the hostile content.'));
  await keepScreenshot(page, testInfo, 'techdocs-hostile-docs');
  offsite.expectNone();

  // Links keep their text but lose the javascript: target.
  for (const name of [
    'A markdown javascript link',
    'An HTML javascript link',
  ]) {
    const link = page.getByText(name, { exact: true });
    await expectOnScreen(link);
    expect(String(await link.getAttribute('href'))).not.toMatch(
      /^\s*javascript:/i,
    );
    await link.click();
  }
  await page.getByText('A paragraph with a click handler').click();
  const submit = page.getByRole('button', { name: 'Submit the form' });
  if (await submit.count()) await submit.click();

  // Nothing ran: no flag set, no dialog, and no script, handler or iframe left in the rendered page.
  expect(
    await page.evaluate(() => (window as any).__docsPwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  const leftovers = await page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    document
      .querySelectorAll('*')
      .forEach(el => el.shadowRoot && roots.push(el.shadowRoot));
    return roots.flatMap(root =>
      Array.from(
        root.querySelectorAll(
          'script, iframe, [onerror], [onclick], [href^="javascript:" i], [action^="javascript:" i]',
        ),
      )
        .filter(el => el.outerHTML.includes('__docsPwned'))
        .map(el => el.outerHTML),
    );
  });
  expect(leftovers).toEqual([]);
});
