import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  e2eRepositories,
  expectOnScreen,
  keepScreenshot,
  signInWithGoldenPathService,
} from '@internal/e2e-test-utils';
import { commitOutsidePortal } from '@internal/plugin-scaffolder-backend-module-local-git';

const stamp = Date.now().toString(36);
const name = `handed-${stamp}`;
// A person of the platform team (the guest's) who left; defined in the service's own file.
const person = `leaver-${stamp}`;
const DEPARTED_USER = `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${person}
  annotations:
    lighthouse.acme/departed: 'true'
spec:
  profile:
    displayName: Leaver ${stamp}
  memberOf: [platform]
`;

test("a departed person's service and API are handed over to their team in one change request", async ({
  page,
}, testInfo) => {
  test.setTimeout(360_000);
  // A golden-path service (a Component and its API in one file), in a real repository.
  const { api } = await signInWithGoldenPathService(page, {
    name,
    description: 'Hands parcels to carriers',
    owner: 'group:default/platform',
  });

  // The service and its API belong to a person who then leaves the company.
  await commitOutsidePortal({
    bare: path.join(e2eRepositories, `${name}.git`),
    edits: {
      'catalog-info.yaml': before => {
        expect(before!.match(/owner: group:default\/platform/g)).toHaveLength(
          2,
        );
        return `${before!.replace(
          /owner: group:default\/platform/g,
          `owner: user:default/${person}`,
        )}${DEPARTED_USER}`;
      },
    },
    message: 'Owner',
    checkout: path.join(e2eRepositories, 'checkouts', name),
  });
  await api('/api/catalog/refresh', { entityRef: `component:default/${name}` });

  // The ownership check finds the departed owner; the portal opens one handover for the person.
  const subjectRef = `user:default/${person}`;
  const handover = await expect
    .poll(
      async () => {
        const { items } = await api('/api/catalog-fixes/handovers?status=open');
        const found = items.find(
          (h: { subjectRef: string }) => h.subjectRef === subjectRef,
        );
        return found?.progress.total;
      },
      {
        timeout: 180_000,
        intervals: [1000],
        message: 'a handover of both entities to open',
      },
    )
    .toBe(2)
    .then(async () =>
      (
        await api('/api/catalog-fixes/handovers?status=open')
      ).items.find((h: { subjectRef: string }) => h.subjectRef === subjectRef),
    );
  expect(handover.teams).toEqual(['group:default/platform']);

  // The platform team (the guest is a member) is told, with a link to the handover.
  await page.goto('/notifications');
  await expectOnScreen(
    page.getByText(`Take over 2 entities of ${person}`).first(),
    { timeout: 60_000 },
  );

  // On the Ownership page: the open handover, its age and progress.
  await page.goto('/ownership');
  const row = page.getByRole('row').filter({
    has: page.getByRole('link', { name: `Open handover ${handover.id}` }),
  });
  await expectOnScreen(row, { timeout: 60_000 });
  await expectOnScreen(row.getByText(`Leaver ${stamp}`));
  await expectOnScreen(row.getByText('Platform Team'));
  await expectOnScreen(row.getByText('0 of 2 entities handed over'));
  await expectOnScreen(
    row.getByText('just now').or(row.getByText(/minutes? ago/)),
  );
  await row.getByRole('link', { name: `Open handover ${handover.id}` }).click();

  // The handover: both entities, the suggested team, the file; accept them.
  await expectOnScreen(
    page.getByText(`Handover ${handover.id}:`, { exact: false }),
  );
  for (const ref of [`component:default/${name}`, `api:default/${name}-api`]) {
    // MUI draws the box over a transparent input: the row is what a person sees.
    const checkbox = page.getByRole('checkbox', { name: `Select ${ref}` });
    await expectOnScreen(page.getByRole('row').filter({ has: checkbox }));
    await expect(checkbox).toBeChecked();
  }
  await expectOnScreen(page.getByText(`${name}: catalog-info.yaml`).first());
  await keepScreenshot(page, testInfo, 'handover-before-accept');
  await page.getByRole('button', { name: 'Accept 2 entities' }).click();
  const opened = page.getByRole('status');
  await expectOnScreen(opened);
  await expect(opened).toContainText(
    `Opened 1 change request, one per repository: #`,
  );
  await expectOnScreen(page.getByText('Change request open').first());
  await expectOnScreen(page.getByText('1 change request: 1 open, 0 merged'));
  await opened.getByRole('link', { name: 'See the change requests' }).click();

  // One change request edits both entities of the file; merged by the team (the guest).
  const card = page
    .getByTestId('change-request')
    .filter({ hasText: `Hand over 2 entities of ${person} to platform` });
  await expectOnScreen(card);
  await expectOnScreen(
    card.getByText(`-  owner: user:default/${person}`).first(),
  );
  await expectOnScreen(card.getByText('+  owner: platform').first());
  await card.getByRole('button', { name: 'Merge' }).click();
  await expect(card).toHaveCount(0);

  // The handover is complete.
  await page.goto(`/ownership/handovers/${handover.id}`);
  await expectOnScreen(page.getByText('Complete: 2 of 2 entities handed over'));
  await expectOnScreen(page.getByText('1 change request: 0 open, 1 merged'));
  await expectOnScreen(page.getByText('Handed over').first());
  await keepScreenshot(page, testInfo, 'handover-complete');
  const merged = fs.readFileSync(
    path.join(e2eRepositories, 'checkouts', name, 'catalog-info.yaml'),
    'utf8',
  );
  expect(merged.match(/owner: platform/g)).toHaveLength(2);
});
