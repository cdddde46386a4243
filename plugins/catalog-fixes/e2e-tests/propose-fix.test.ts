import { test, expect } from '@playwright/test';
import path from 'node:path';
import {
  e2eRepositories,
  expectOnScreen,
  keepScreenshot,
  signInWithGoldenPathService,
} from '@internal/e2e-test-utils';
import { commitOutsidePortal } from '@internal/plugin-scaffolder-backend-module-local-git';

const name = `fixable-${Date.now().toString(36)}`;

test('an owner finding on a golden-path service is fixed with Propose fix and a merge', async ({
  page,
}, testInfo) => {
  test.setTimeout(360_000);
  // A service made by the golden path, in a real repository on the portal host.
  const { headers, api } = await signInWithGoldenPathService(page, {
    name,
    description: 'Sorts parcels by depot',
    owner: 'group:default/logistics',
  });

  // Someone makes the person who left its owner, in a commit of their own.
  await commitOutsidePortal({
    bare: path.join(e2eRepositories, `${name}.git`),
    edits: {
      'catalog-info.yaml': text =>
        text!.replace(
          'owner: group:default/logistics',
          'owner: user:default/martin.keller',
        ),
    },
    message: 'Owner',
    checkout: path.join(e2eRepositories, 'checkouts', name),
  });
  await api('/api/catalog/refresh', { entityRef: `component:default/${name}` });

  // The ownership check finds it (every 10 s in the e2e configuration) and the score drops.
  const scoreOf = async () => {
    const res = await page.request.get(
      `/api/metadata-quality/entities/component/default/${name}`,
      { headers },
    );
    if (!res.ok()) return undefined;
    const score = await res.json();
    const passed = (ruleId: string) =>
      score.results.find((r: { ruleId: string }) => r.ruleId === ruleId)
        ?.passed as boolean | undefined;
    return {
      score: score.score as number,
      ownerValid: passed('owner-valid'),
      docsBuilt: passed('has-techdocs'),
    };
  };
  // A person as owner fails the quality check at once; the owner finding, with the team that
  // takes over, comes from the ownership check.
  const departedFinding = async () => {
    const res = await page.request.get(
      `/api/owner-validation/entities/component/default/${name}/findings`,
      { headers },
    );
    if (!res.ok()) return undefined;
    const { findings } = await res.json();
    return findings.find(
      (f: { type: string; suggestedOwner?: string }) =>
        f.type === 'departedUser' && f.suggestedOwner,
    )?.suggestedOwner;
  };
  await expect
    .poll(departedFinding, {
      timeout: 120_000,
      intervals: [1000],
      message: 'the ownership check to find the departed owner',
    })
    .toBe('group:default/logistics');
  await expect
    .poll(async () => (await scoreOf())?.ownerValid, {
      timeout: 30_000,
      intervals: [500],
      message: 'the owner check of the service to fail',
    })
    .toBe(false);
  // The docs build on their own; the score before the fix is the one with them built.
  await expect
    .poll(async () => (await scoreOf())?.docsBuilt, {
      timeout: 120_000,
      intervals: [1000],
      message: 'the TechDocs of the service to be built',
    })
    .toBe(true);
  const before = (await scoreOf())!.score;

  // On the entity page: the owner warning with Propose fix, and the exact diff.
  await page.goto(`/catalog/default/component/${name}`);
  const propose = page.getByRole('button', { name: 'Propose fix' }).first();
  await expectOnScreen(propose, { timeout: 60_000 });
  await propose.click();
  const dialog = page.getByRole('dialog');
  await expectOnScreen(dialog.getByText('+  owner: logistics'));
  await expectOnScreen(
    dialog.getByText('-  owner: user:default/martin.keller'),
  );
  await keepScreenshot(page, testInfo, 'propose-fix-diff');
  await dialog.getByRole('button', { name: 'Open change request' }).click();
  await expectOnScreen(dialog.getByRole('status'));
  await dialog.getByRole('link', { name: 'See the change requests' }).click();

  // The change request, merged by its owner (the guest is an admin).
  const card = page
    .getByTestId('change-request')
    .filter({ hasText: `${name}: set spec.owner to logistics` });
  await expectOnScreen(card);
  await expectOnScreen(card.getByText('user:default/guest', { exact: false }));
  await card.getByRole('button', { name: 'Merge' }).click();
  await expect(card).toHaveCount(0);

  // The finding is gone and the score is up, on the entity page, within seconds.
  await expect
    .poll(async () => (await scoreOf())?.ownerValid, {
      timeout: 30_000,
      intervals: [500],
      message: 'the owner check to pass after the merge',
    })
    .toBe(true);
  expect((await scoreOf())!.score).toBeGreaterThan(before);
  await page.goto(`/catalog/default/component/${name}`);
  await expectOnScreen(page.getByRole('heading', { name: 'Quality score' }));
  await expect(page.getByRole('button', { name: 'Propose fix' })).toHaveCount(
    0,
  );
  await expect(page.getByText('Owner has left')).toHaveCount(0);
  const after = (await scoreOf())!.score;
  await expectOnScreen(page.getByText(`Score ${after}`));
  await keepScreenshot(page, testInfo, 'propose-fix-resolved');
});
