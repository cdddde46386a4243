import { test, expect, APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  expectOnScreen,
  keepScreenshot,
  serveCatalogFiles,
  signInAsGuest,
} from '@internal/e2e-test-utils';

// The bad-input corpus (fixtures/bad-input/all.yaml): malformed catalog-info.yaml files registered
// in one Location together with valid ones. app-config.e2e.yaml lets the backend read this port.
const PORT = 7085;
const corpus = path.join(__dirname, 'fixtures', 'bad-input');

/** Files too big or too deep to keep in git, made when the catalog asks for them. */
function generated(name: string): string | undefined {
  const component = (fields: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
${fields}
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
`;
  if (name === 'huge-5mb.yaml') {
    return component(
      `  name: corpus-huge\n  description: "${'x'.repeat(5 * 1024 * 1024)}"`,
    );
  }
  if (name === 'deep-nesting.yaml') {
    let nested = '1';
    for (let i = 0; i < 2000; i++) nested = `{a: ${nested}}`;
    return `${component('  name: corpus-deep-nesting')}  nested: ${nested}\n`;
  }
  return undefined;
}

/** The valid files: each must be in the catalog afterwards, unchanged. */
const valid: Record<string, string> = {
  'valid-service.yaml': 'component:default/corpus-valid-service',
  'valid-api.yaml': 'api:default/corpus-valid-api',
  'valid-unicode-description.yaml':
    'component:default/corpus-unicode-description',
  'valid-script-description.yaml':
    'component:default/corpus-script-description',
  // Well-formed with a dangling owner: stored, and owner validation reports it.
  'owner-does-not-exist.yaml': 'component:default/corpus-owner-does-not-exist',
  // Owned by the team of refused-team.yaml: stored, and its finding names the refused file.
  'owned-by-refused-team.yaml':
    'component:default/corpus-owned-by-refused-team',
};

/** Entities of files that are also in `bad`: the rest of a file with one refused document. */
const keptFromBadFiles = [
  'group:default/corpus-tooling',
  'user:default/corpus-ada',
  'component:default/corpus-multi-document-valid',
];

/** Every other file, with the part of its error that says what is wrong. */
const bad: Record<string, RegExp> = {
  'annotation-not-a-string.yaml':
    /annotations\/backstage\.io~1techdocs-ref must be string/,
  'binary-garbage.yaml': /the file is binary/,
  'dependson-not-a-list.yaml': /\/spec\/dependsOn must be array/,
  'duplicate-of-example.yaml':
    /component:default\/payments-service is already defined in file:.*examples/,
  'duplicate-of-example-group.yaml':
    /group:default\/payments is already defined in file:.*examples/,
  'invalid-json-trailing-comma.yaml':
    /not valid YAML: Flow map must end with a \}/,
  'invalid-name-characters.yaml': /"metadata.name" is not valid/,
  'invalid-tag.yaml': /"tags.0" is not valid/,
  'invalid-yaml-duplicate-key.yaml': /not valid YAML: Map keys must be unique/,
  'invalid-yaml-indentation.yaml': /not valid YAML: .*at line 4, column 9/,
  'invalid-yaml-tab.yaml': /not valid YAML: Tabs are not allowed/,
  'invalid-yaml-unclosed-quote.yaml': /not valid YAML: Missing closing "quote/,
  'link-without-url.yaml': /links\/0 must have required property 'url'/,
  'malformed-owner-ref.yaml': /Entity reference "group:" was not on the form/,
  'malformed-system-ref.yaml': /Entity reference "system:" was not on the form/,
  'missing-apiversion.yaml':
    /apiVersion is missing: add "apiVersion: backstage\.io\/v1alpha1"/,
  'missing-lifecycle.yaml': /must have required property 'lifecycle'/,
  'missing-metadata.yaml': /metadata is missing/,
  'missing-name.yaml': /metadata\.name is missing/,
  'missing-owner.yaml': /must have required property 'owner'/,
  'missing-target.yaml': /this-file-does-not-exist\.yaml/,
  'multi-document.yaml': /document 2: kind is missing/,
  'org-with-clash.yaml':
    /document 2: group:default\/payments is already defined in file:.*examples/,
  'refused-team.yaml': /not valid YAML: Flow sequence/,
  'name-too-long.yaml': /"metadata.name" is not valid/,
  'not-an-object.yaml': /the document is a list, not an entity/,
  'owner-not-a-string.yaml': /\/spec\/owner must be string/,
  'proto-keys.yaml':
    /metadata\.__proto__: keys named __proto__, constructor or prototype are not allowed/,
  'scalar-document.yaml': /the document is a string, not an entity/,
  'script-tag-name.yaml': /"metadata.name" is not valid/,
  'unicode-name.yaml': /"metadata.name" is not valid/,
  'unknown-kind.yaml':
    /servise:default\/corpus-unknown-kind .* is not of an allowed kind/,
  'wrong-apiversion.yaml':
    /corpus-wrong-apiversion as valid, possibly caused by a foreign kind or apiVersion/,
  'huge-5mb.yaml':
    /the file is 5\.0 MiB, over the 2\.0 MiB limit \(catalog\.inputGuard\.maxFileBytes\)/,
  'deep-nesting.yaml': /nested (too deeply|deeper than 32 levels)/,
};

let token: string;

async function api(
  request: APIRequestContext,
  method: string,
  url: string,
  data?: unknown,
) {
  const res = await request.fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}` },
    data,
  });
  return {
    status: res.status(),
    body: await res.json().catch(() => undefined),
  };
}

/** An entity by its ref (`kind:namespace/name`): the catalog's status for it, and its body. */
function entityByRef(request: APIRequestContext, ref: string) {
  const [kind, rest] = ref.split(':');
  return api(request, 'GET', `/api/catalog/entities/by-name/${kind}/${rest}`);
}

/** The types of the owner findings of one corpus component. */
async function findingTypes(request: APIRequestContext, name: string) {
  const { body } = await api(
    request,
    'GET',
    `/api/owner-validation/entities/component/default/${name}/findings`,
  );
  return body?.findings?.map((f: { type: string }) => f.type);
}

serveCatalogFiles(PORT, urlPath => {
  const name = path.basename(urlPath);
  return (
    generated(name) ??
    (fs.existsSync(path.join(corpus, name))
      ? fs.readFileSync(path.join(corpus, name))
      : undefined)
  );
});

test.beforeAll(async ({ request }) => {
  const refresh = await request.get('/api/auth/guest/refresh');
  token = (await refresh.json()).backstageIdentity.token;
});

test('the bad-input corpus: valid files ingested, every bad one explained, nothing else changed', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const targets = fs
    .readFileSync(path.join(corpus, 'all.yaml'), 'utf8')
    .split('\n')
    .filter(line => line.startsWith('    - ./'))
    .map(line => line.slice('    - ./'.length));
  expect(targets.length).toBeGreaterThanOrEqual(30);
  expect(new Set(targets)).toEqual(
    new Set([...Object.keys(valid), ...Object.keys(bad)]),
  );
  expect(Object.keys(bad).length).toBeGreaterThanOrEqual(25);

  // What the examples look like before: none of it may change.
  const payments = await entityByRef(
    request,
    'component:default/payments-service',
  );
  const team = await entityByRef(request, 'group:default/payments');
  expect(payments.status).toBe(200);
  expect(team.status).toBe(200);

  const registered = await api(request, 'POST', '/api/catalog/locations', {
    type: 'url',
    target: `http://localhost:${PORT}/bad-input/all.yaml`,
  });
  // 409: registered already by an earlier run against a backend that was kept running.
  expect([201, 409]).toContain(registered.status);

  // Every valid file is ingested, and so is the rest of a file with one refused document.
  for (const ref of [...Object.values(valid), ...keptFromBadFiles]) {
    await expect
      .poll(async () => (await entityByRef(request, ref)).status, {
        message: ref,
        timeout: 120_000,
      })
      .toBe(200);
  }

  // Every bad file has its error in the API, naming what is wrong.
  type Problem = {
    entityRef?: string;
    file?: string;
    errors: { message: string }[];
  };
  const problems = async () =>
    ((await api(request, 'GET', '/api/catalog/processing-problems?limit=1000'))
      .body?.items ?? []) as Problem[];
  const explained = async () => {
    const listed = await problems();
    return Object.entries(bad)
      .filter(
        ([file, pattern]) =>
          // Each problem names the file to fix itself, not the Location listing it.
          !listed.some(
            p =>
              p.file?.endsWith(`/${file}`) &&
              p.errors.some(e => pattern.test(e.message)),
          ) &&
          // The catalog names the entity, not the file, when a kind is not allowed.
          !(
            file === 'unknown-kind.yaml' &&
            listed.some(p => p.errors.some(e => pattern.test(e.message)))
          ),
      )
      .map(([file]) => file);
  };
  await expect.poll(explained, { timeout: 120_000 }).toEqual([]);

  // Nothing else was lost or taken over.
  const paymentsAfter = await entityByRef(
    request,
    'component:default/payments-service',
  );
  expect(paymentsAfter.body.spec).toEqual(payments.body.spec);
  expect(paymentsAfter.body.metadata.description).toBe(
    payments.body.metadata.description,
  );
  const teamAfter = await entityByRef(request, 'group:default/payments');
  expect(teamAfter.body.spec).toEqual(team.body.spec);
  const valid0 = await entityByRef(
    request,
    'component:default/corpus-valid-service',
  );
  expect(valid0.body.spec.owner).toBe('group:default/payments');
  for (const name of [
    'corpus-huge',
    'corpus-proto-keys',
    'corpus-deep-nesting',
    'corpus-missing-owner',
  ]) {
    expect(
      (await entityByRef(request, `component:default/${name}`)).status,
    ).toBe(404);
  }

  // The clashing team is listed under its own ref and file; the examples' team is kept.
  expect(
    (await problems()).find(
      p =>
        p.file?.endsWith('/org-with-clash.yaml') &&
        p.entityRef === 'group:default/payments',
    ),
  ).toBeDefined();

  // The dangling owner is a finding of owner validation.
  await expect
    .poll(() => findingTypes(request, 'corpus-owner-does-not-exist'), {
      timeout: 60_000,
    })
    .toContain('ownerNotFound');

  // An owner whose file was refused: the finding says so, not "does not exist".
  await expect
    .poll(() => findingTypes(request, 'corpus-owned-by-refused-team'), {
      timeout: 60_000,
    })
    .toEqual(['ownerRefused']);

  // The UI: the entity page's warning names the refused file and links to the problem.
  await signInAsGuest(
    page,
    '/catalog/default/component/corpus-owned-by-refused-team',
  );
  const warning = page
    .getByRole('alert')
    .filter({ hasText: 'Owner refused by the catalog' });
  await expectOnScreen(warning);
  await expect(warning).toContainText(
    'because the catalog refused its definition in',
  );
  await expect(warning).toContainText('/bad-input/refused-team.yaml');
  await keepScreenshot(page, test.info(), 'entity-owner-refused');
  await warning
    .getByRole('link', { name: 'See why the catalog refused it' })
    .click();
  await expect(page).toHaveURL(/\/catalog-problems\?q=group/);
  await expectOnScreen(
    page.getByText(/refused-team\.yaml: the document is not valid YAML/),
  );
  await expectOnScreen(
    page.getByRole('cell', {
      name: 'group:default/corpus-refused-team',
      exact: true,
    }),
  );
  await keepScreenshot(page, test.info(), 'catalog-problems-filtered');

  // The Catalog problems page lists the broken files with their errors, without padding rows.
  await page.goto('/catalog-problems');
  await expectOnScreen(page.getByText(/Catalog problems \(\d+\)/));
  await keepScreenshot(page, test.info(), 'catalog-problems');
  await page.getByPlaceholder('Filter').fill('huge-5mb');
  await expectOnScreen(page.getByText(/over the 2\.0 MiB limit/));
  // One problem, one row: no empty rows below it.
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByPlaceholder('Filter').fill('proto-keys');
  await expectOnScreen(
    page.getByText(/metadata\.__proto__: keys named __proto__/),
  );
  await page.getByPlaceholder('Filter').fill('org-with-clash');
  await expectOnScreen(
    page.getByText(/document 2: group:default\/payments is already defined/),
  );
  await page.getByPlaceholder('Filter').fill('script');
  await expectOnScreen(
    page.getByRole('cell', {
      name: 'component:default/<script>alert(1)</script>',
      exact: true,
    }),
  );

  // Hostile HTML in a valid entity's description: the About card renders it as sanitized
  // Markdown, so the text shows while the script, the handler and the javascript: link are gone.
  await page.goto('/catalog/default/component/corpus-script-description');
  await expectOnScreen(page.getByText('Click', { exact: false }).first());
  const hostile = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        'script, [onerror], [onclick], a[href^="javascript:" i]',
      ),
    )
      .map(el => el.outerHTML)
      .filter(html => html.includes('__corpusPwned')),
  );
  expect(hostile).toEqual([]);
  await page
    .getByText(/Click\s*here/)
    .first()
    .click();
  expect(
    await page.evaluate(() => (window as any).__corpusPwned),
  ).toBeUndefined();

  // Unicode survives the round trip.
  await page.goto('/catalog/default/component/corpus-unicode-description');
  await expectOnScreen(
    page.getByText('Zürich Straßenbahn — 東京 配送 🚚').first(),
  );

  // The guest (a member of the platform admins) unregisters the whole corpus from the page.
  await page.goto('/catalog-problems?q=huge-5mb');
  await page.getByRole('button', { name: 'Unregister' }).first().click();
  const dialog = page.getByRole('dialog');
  await expectOnScreen(dialog.getByText('/bad-input/all.yaml'));
  await keepScreenshot(page, test.info(), 'catalog-problems-unregister');
  await dialog.getByRole('button', { name: 'Unregister' }).click();
  await expectOnScreen(page.getByRole('status'));
  await expect(page.getByRole('status')).toContainText('/bad-input/all.yaml');
  await expect
    .poll(
      async () =>
        (
          await entityByRef(request, 'component:default/corpus-valid-service')
        ).status,
      { timeout: 60_000 },
    )
    .toBe(404);
});
