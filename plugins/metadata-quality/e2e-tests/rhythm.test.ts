import { test, expect, APIRequestContext, Page } from '@playwright/test';
import {
  expectOnScreen,
  guestAuthHeader,
  keepScreenshot,
  serveCatalogFiles,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// Owners confirming their metadata, and an exemption asked for and approved, on a component this
// test registers from a file it serves (app-config.e2e.yaml lets the backend read this port) and
// can change, as a team moving a service to another owner would. The guest is a member of the
// platform team, the admins of the example policy, so it may confirm, ask and decide.
const PORT = 7084;
// A fresh name each run, so the tests also pass against a backend that is kept running.
const suffix = Date.now().toString(36);

/** The owner each served component has now; a test changes it to move the service. */
const owners = new Map<string, string>();

const catalogInfo = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Registered by the end-to-end test of confirmations and exemptions.
spec:
  type: service
  lifecycle: production
  owner: ${owners.get(name)}
`;

serveCatalogFiles(PORT, urlPath => {
  const name = /^\/([^/]+)\/catalog-info\.yaml$/.exec(urlPath)?.[1];
  return name && owners.has(name) ? catalogInfo(name) : undefined;
});

/** Registers a component owned by `owner` from a file this test serves; returns its name. */
async function registerService(
  request: APIRequestContext,
  headers: Record<string, string>,
  key: string,
  owner: string,
) {
  const name = `${key}-${suffix}`;
  owners.set(name, owner);
  const registered = await request.post('/api/catalog/locations', {
    headers,
    data: {
      type: 'url',
      target: `http://localhost:${PORT}/${name}/catalog-info.yaml`,
    },
  });
  expect(registered.status()).toBe(201);
  return name;
}

/** Signs the guest in and registers a service of the payments team named after `key`. */
async function paymentsServiceSignedIn(
  page: Page,
  request: APIRequestContext,
  key: string,
) {
  await signInAsGuest(page);
  const headers = await guestAuthHeader(page);
  const name = await registerService(
    request,
    headers,
    key,
    'group:default/payments',
  );
  return { headers, name };
}

type RuleResult = {
  ruleId: string;
  passed: boolean;
  message?: string;
  exempt?: { until: string; reason: string };
};
type Score = { score: number; ownerRef?: string; results: RuleResult[] };

/** The entity's stored score once it has one whose owner and results satisfy `ready`. */
async function scoreWhen(
  request: APIRequestContext,
  name: string,
  headers: Record<string, string>,
  ready: (score: Score) => boolean,
): Promise<Score> {
  let latest: Score | undefined;
  await expect(async () => {
    const res = await request.get(
      `/api/metadata-quality/entities/component/default/${name}`,
      { headers },
    );
    expect(res.status()).toBe(200);
    latest = (await res.json()) as Score;
    expect(ready(latest)).toBe(true);
  }).toPass({ timeout: 90_000, intervals: [1_000] });
  return latest!;
}

const confirmedRule = (score: Score) =>
  score.results.find(r => r.ruleId === 'confirmed-recently');

/** The row of a rule in the Quality tab's Rules table. */
const ruleRow = (page: Page, title: string) =>
  page.getByRole('row').filter({
    has: page.getByRole('cell', { name: title, exact: true }),
  });

test('a new owner confirms the metadata and the confirmation rule passes again', async ({
  page,
  request,
}) => {
  const { headers, name } = await paymentsServiceSignedIn(
    page,
    request,
    'confirmed',
  );

  // The payments team confirms; then the service moves to the web team.
  await scoreWhen(request, name, headers, s => !!confirmedRule(s));
  const confirmed = await request.post(
    `/api/metadata-quality/entities/component/default/${name}/confirm`,
    { headers },
  );
  expect(confirmed.status()).toBe(200);
  owners.set(name, 'group:default/web');
  const refreshed = await request.post('/api/catalog/refresh', {
    headers,
    data: { entityRef: `component:default/${name}` },
  });
  expect(refreshed.status()).toBe(200);
  const moved = await scoreWhen(
    request,
    name,
    headers,
    s => s.ownerRef === 'group:default/web' && !confirmedRule(s)!.passed,
  );
  expect(confirmedRule(moved)!.message).toContain('group:default/payments');

  // The web team's member sees why on the Quality tab and confirms.
  await page.goto(`/catalog/default/component/${name}/quality`);
  const row = ruleRow(page, 'Confirmed by its owners recently');
  await expectOnScreen(row.getByRole('cell', { name: 'Fail', exact: true }));
  await expectOnScreen(row.getByText(/group:default\/payments/));
  await page.getByRole('button', { name: 'Still correct' }).click();
  await expectOnScreen(
    page.getByText(
      /^Confirmed by user:default\/guest on .* for group:default\/web\.$/,
    ),
  );
  await expectOnScreen(row.getByRole('cell', { name: 'Pass', exact: true }));
  await keepScreenshot(page, test.info(), 'quality-confirmed');
});

test('an exemption asked for by an owner and approved by an admin lifts the score', async ({
  page,
  request,
}) => {
  const { headers, name } = await paymentsServiceSignedIn(
    page,
    request,
    'exempted',
  );
  const before = await scoreWhen(
    request,
    name,
    headers,
    s =>
      s.results.find(r => r.ruleId === 'has-techdocs')?.passed === false &&
      !s.results.find(r => r.ruleId === 'has-techdocs')?.exempt,
  );
  const until = new Date(Date.now() + 30 * 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 10);
  const reason = `Docs move to the new site (${suffix})`;

  await page.goto(`/catalog/default/component/${name}/quality`);
  await expectOnScreen(
    page.getByRole('heading', { name: `Score ${before.score}` }),
  );
  // The request form on the Quality tab ("Ask for an exemption").
  await expectOnScreen(page.getByText('Ask for an exemption', { exact: true }));
  await page.getByLabel('Rule', { exact: true }).click();
  await page.getByRole('option', { name: 'Has TechDocs', exact: true }).click();
  await page.getByLabel('Reason').fill(reason);
  await page.getByLabel('End date').fill(until);
  await page.getByRole('button', { name: 'Ask an admin' }).click();
  await expectOnScreen(
    page.getByText('Asked: an admin will approve or deny it.'),
  );

  // An admin approves it on the Quality page.
  await page.goto('/quality');
  const request_ = page
    .getByTestId('pending-exemption')
    .filter({ hasText: reason });
  await expectOnScreen(request_);
  await request_
    .getByLabel(`Comment on component:default/${name}`)
    .fill('Fine until the migration ends');
  await request_.getByRole('button', { name: 'Approve' }).click();
  await expect(request_).toHaveCount(0);

  // The owner sees the rule exempt and the score up.
  await page.goto(`/catalog/default/component/${name}/quality`);
  const row = ruleRow(page, 'Has TechDocs');
  await expectOnScreen(
    row.getByRole('cell', {
      name: `exempt until ${until}: ${reason}`,
      exact: true,
    }),
  );
  const after = await scoreWhen(request, name, headers, () => true);
  expect(after.score).toBeGreaterThan(before.score);
  await expectOnScreen(
    page.getByRole('heading', { name: `Score ${after.score}` }),
  );
  await keepScreenshot(page, test.info(), 'quality-exempt');
});
