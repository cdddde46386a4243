import { test, expect, Page } from '@playwright/test';
import { expectOnScreen } from '../src';

// What expectOnScreen refuses, each a heading a person would not see; Playwright's toBeVisible
// accepts the first three.
const hidden: Array<[string, string, RegExp]> = [
  [
    'at opacity 0 inside a shadow root',
    `<div id="host"></div><script>
      const root = document.getElementById('host').attachShadow({ mode: 'open' });
      root.innerHTML = '<div style="opacity: 0"><h1>Docs</h1></div>';
    </script>`,
    /effective opacity is 0\.00/,
  ],
  [
    'below the viewport',
    '<div style="height: 3000px"></div><h1>Docs</h1>',
    /outside the 1440x900 viewport/,
  ],
  [
    'under a dialog backdrop',
    `<h1>Docs</h1>
    <div style="position: fixed; inset: 0; background: rgba(0,0,0,.5)" class="backdrop"></div>`,
    /covered by <div class="backdrop">/,
  ],
  [
    'with no box',
    '<h1 style="width: 0; height: 0; overflow: hidden; padding: 0; margin: 0">Docs</h1>',
    /should be on screen/,
  ],
];

async function show(page: Page, html: string) {
  await page.setContent(
    `<!doctype html><body style="margin: 0">${html}</body>`,
  );
}

for (const [what, html, reason] of hidden) {
  test(`expectOnScreen fails for a heading ${what}`, async ({ page }) => {
    await show(page, html);
    const error = await expectOnScreen(
      page.getByRole('heading', { name: 'Docs' }),
      {
        timeout: 2_000,
        scroll: false,
      },
    ).then(
      () => undefined,
      e => String(e),
    );
    expect(error).toMatch(reason);
  });
}

test('expectOnScreen passes for a heading a person sees, and scrolls to one further down', async ({
  page,
}) => {
  await show(
    page,
    '<h1>Docs</h1><div style="height: 3000px"></div><h2>Runbook</h2>',
  );
  await expectOnScreen(page.getByRole('heading', { name: 'Docs' }), {
    scroll: false,
  });
  await expectOnScreen(page.getByRole('heading', { name: 'Runbook' }));
});
