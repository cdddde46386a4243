// First rows on screen in Chromium (issue 16): the production build of the app, served by the bench
// backend, read as a signed-in guest. "On screen" is the browser tests' own check (visible to a person:
// opacity, size, inside the viewport), from @internal/e2e-test-utils.
import { requireWorkspace } from './workspace.mjs';

const { chromium } = requireWorkspace('@playwright/test');
const { chromiumLaunchOptions, expectOnScreen, signInAsGuest } =
  requireWorkspace('@internal/e2e-test-utils');

/** The pages measured: where, and the first row a reader looks for. */
const PAGES = [
  {
    name: 'catalog',
    path: '/catalog?filters[kind]=component&filters[user]=all',
    firstRow: page =>
      page.getByRole('table').first().locator('tbody tr a').first(),
  },
  {
    name: 'quality',
    path: '/quality',
    firstRow: page => page.locator('#worst-entities tbody tr a').first(),
  },
];

/**
 * Prints `chromium_<page>_first_rows` (s): from navigation to the first row of the page on screen,
 * the median of `runs` loads after one sign-in. Resolves false when the page never showed a row.
 */
export async function measureFirstRows(baseUrl, runs = 3) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({
      baseURL: baseUrl,
      viewport: { width: 1440, height: 900 },
    });
    await signInAsGuest(page);
    for (const { name, path, firstRow } of PAGES) {
      const times = [];
      for (let run = 0; run < runs; run++) {
        const t0 = performance.now();
        await page.goto(path);
        await expectOnScreen(firstRow(page), { timeout: 120_000 });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `chromium_${name}_first_rows: ${(
          times[Math.floor(times.length / 2)] / 1000
        ).toFixed(2)} s`,
      );
    }
  } finally {
    await browser.close();
  }
}
