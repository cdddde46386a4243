import { test, expect } from '@playwright/test';
import {
  expectOnScreen,
  keepScreenshot,
  guestAuthHeader,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// A golden path is the standard: what it creates is Gold as soon as the portal has scored it and
// built its docs, with no one editing YAML afterwards.
const suffix = Date.now().toString(36);
const common = {
  owner: 'group:default/logistics',
  system: 'system:default/shipping',
};
const templates = [
  {
    template: 'new-service',
    name: `gold-service-${suffix}`,
    values: {
      description: 'Sorts parcels by depot',
      language: 'typescript',
      database: true,
      lifecycle: 'production',
    },
  },
  {
    template: 'library',
    name: `gold-library-${suffix}`,
    values: { description: 'Formats parcel weights', lifecycle: 'production' },
  },
  {
    template: 'docs-site',
    name: `gold-docs-${suffix}`,
    values: {
      title: `Depot handbook ${suffix}`,
      description: 'How depots receive parcels',
    },
  },
];

test('a service made by each golden-path template is Gold once registered, with no failing check', async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  await signInAsGuest(page, '/create');
  const headers = await guestAuthHeader(page);

  for (const { template, name, values } of templates) {
    // The catalog reads the templates in its first passes, which may still run when this test starts.
    await expect
      .poll(
        async () =>
          (
            await page.request.get(
              `/api/catalog/entities/by-name/template/default/${template}`,
              { headers },
            )
          ).status(),
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(200);
    const created = await page.request.post('/api/scaffolder/v2/tasks', {
      headers,
      data: {
        templateRef: `template:default/${template}`,
        values: { name, ...common, ...values },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = await created.json();
    await expect
      .poll(
        async () =>
          (
            await (
              await page.request.get(`/api/scaffolder/v2/tasks/${id}`, {
                headers,
              })
            ).json()
          ).status,
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe('completed');
  }

  for (const { name } of templates) {
    // Scored within one incremental pass of registration; Gold once its docs are built too.
    await expect
      .poll(
        async () => {
          const res = await page.request.get(
            `/api/metadata-quality/entities/component/default/${name}`,
            { headers },
          );
          if (!res.ok()) return `HTTP ${res.status()}`;
          const score = await res.json();
          const failing = score.results
            .filter((r: { passed: boolean }) => !r.passed)
            .map(
              (r: { ruleId: string; message?: string }) =>
                `${r.ruleId}: ${r.message}`,
            );
          return `${score.level} ${failing.join('; ')}`.trim();
        },
        { timeout: 180_000, intervals: [2000], message: `score of ${name}` },
      )
      .toBe('Gold');
  }

  // What a person sees on the entity page of the service: the card says Gold and every check passes.
  const service = templates[0].name;
  await page.goto(`/catalog/default/component/${service}`);
  const score = page.getByRole('heading', { name: 'Quality score' });
  await expectOnScreen(score);
  await expectOnScreen(page.getByText('Gold', { exact: true }).first());
  await expect(page.getByTestId('failing-check')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'golden-path-gold');
});
