import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@internal/e2e-test-utils';
import fs from 'node:fs';
import path from 'node:path';

// End-to-end tests: the real backend (serving the built app) on a real PostgreSQL, driven in the
// machine's Chromium. `scripts/portal test` provides POSTGRES_* and PORTAL_CHROMIUM; Playwright never
// downloads a browser.
const root = __dirname;
// PORTAL_E2E_PORT moves the backend, so two checkouts can run their browser tests side by side.
const port = Number(process.env.PORTAL_E2E_PORT ?? 7007);
const baseURL = `http://localhost:${port}`;
const e2eDirs = ['packages', 'plugins'].flatMap(parent =>
  fs.existsSync(path.join(root, parent))
    ? fs
        .readdirSync(path.join(root, parent))
        .map(name => path.join(parent, name, 'e2e-tests'))
        .filter(dir => fs.existsSync(path.join(root, dir)))
    : [],
);

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: 'node_modules/.cache/portal-test/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: {
    command:
      'yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
    url: `${baseURL}/.backstage/health/v1/readiness`,
    env: {
      APP_CONFIG_app_baseUrl: baseURL,
      APP_CONFIG_backend_baseUrl: baseURL,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_cors_origin: baseURL,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    // The size the pages are checked at, and their screenshots taken at.
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  projects: e2eDirs.map(dir => ({
    name: path.basename(path.dirname(dir)),
    testDir: path.join(root, dir),
    use: { browserName: 'chromium' as const },
  })),
});
