import { Page, TestInfo } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

// Beside the test reports `scripts/portal test` collects, so each run starts with none. Playwright runs
// from the repository root, where playwright.config.ts is.
const folder = path.resolve('node_modules/.cache/portal-test/screenshots');

/**
 * Takes a screenshot of what is on screen now, attaches it to the test's report and keeps a copy in
 * node_modules/.cache/portal-test/screenshots/<name>.png.
 */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
) {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}
