import { Entity } from '@backstage/catalog-model';
import {
  componentEntity,
  poll,
  recordingPermissions,
  standInPlugin,
} from '@internal/backend-test-utils';
import {
  commitOutsidePortal,
  git,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  localGitRepositoriesPerTest,
  startCatalogFixesBackend,
} from './__testUtils__/catalogFixesTestBackend';

// A real backend on PostgreSQL and real git repositories: seconds each on a busy machine.
jest.setTimeout(60_000);

const FILE = `# Made by the new-service golden path.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcels
  description: Sorts parcels # by depot
spec:
  type: service
  owner: user:default/martin.keller
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: parcels-api
spec:
  owner: user:default/martin.keller
`;

/** Stand-ins for owner validation and metadata quality, answering over HTTP as they do. */
function standIns(evaluated: string[]) {
  const ownerValidation = standInPlugin('owner-validation', router => {
    router.get('/entities/:kind/:namespace/:name/findings', (req, res) => {
      const entityRef = `component:default/${req.params.name}`;
      res.json({
        entityRef,
        findings: ['parcels', 'broken', 'example'].includes(req.params.name)
          ? [
              {
                entityRef,
                kind: 'component',
                namespace: 'default',
                name: req.params.name,
                type: 'departedUser',
                severity: 'error',
                message: "Owner 'user:default/martin.keller' left",
                suggestedOwner: 'group:default/logistics',
              },
            ]
          : [],
      });
    });
    router.post('/evaluate', (_req, res) => {
      evaluated.push(new Date().toISOString());
      res.json({ runId: 1, entityCount: 1, notified: 0, durationMs: 1 });
    });
  });
  const metadataQuality = standInPlugin('metadata-quality', router => {
    router.get('/entities/:kind/:namespace/:name', (req, res) => {
      res.json({
        entityRef: `component:default/${req.params.name}`,
        results: [
          {
            ruleId: 'part-of-system',
            passed: false,
            weight: 2,
            edits: [{ type: 'set', path: 'spec.system', value: 'shipping' }],
          },
          { ruleId: 'has-techdocs', passed: false, weight: 2 },
          { ruleId: 'has-description', passed: true, weight: 1 },
        ],
      });
    });
  });
  return [ownerValidation, metadataQuality];
}

describe('catalog-fixes plugin', () => {
  const local = localGitRepositoriesPerTest('catalog-fixes-test-', {
    parcels: { 'catalog-info.yaml': FILE },
  });
  let examples: string;
  const permissions = recordingPermissions();
  const evaluated: string[] = [];

  beforeEach(async () => {
    permissions.reset();
    evaluated.length = 0;
    examples = path.join(local.root, 'examples', 'components.yaml');
    await fs.mkdir(path.dirname(examples));
    await fs.writeFile(examples, FILE.replace('parcels', 'example'));
  });

  const checkoutFile = () =>
    path.join(
      local.repositories.paths('parcels').checkout,
      'catalog-info.yaml',
    );
  const bare = () => local.repositories.paths('parcels').bare;
  const branches = async () =>
    (
      await git(
        ['for-each-ref', '--format=%(refname:short)', 'refs/heads'],
        bare(),
      )
    )
      .trim()
      .split('\n');

  function located(name: string, location: string): Entity {
    return componentEntity(
      name,
      { owner: 'user:default/martin.keller' },
      {
        annotations: { 'backstage.io/managed-by-location': location },
      },
    );
  }

  async function start() {
    const broken = path.join(local.root, 'checkouts', 'parcels', 'broken.yaml');
    return startCatalogFixesBackend({
      root: local.root,
      features: standIns(evaluated),
      entities: [
        located('parcels', `file:${checkoutFile()}`),
        located('example', `file:${examples}`),
        located('broken', `file:${broken}`),
      ],
      permissions: permissions.factory,
    });
  }

  const ownerFix = {
    entityRef: 'component:default/parcels',
    fix: { type: 'owner' },
  };

  it('previews, proposes and merges an owner fix in a local git repository', async () => {
    const api = await start();
    const preview = await api.post('/previews').send(ownerFix).expect(200);
    expect(preview.body).toMatchObject({
      entityRef: 'component:default/parcels',
      title: 'parcels: set spec.owner to logistics',
      path: 'catalog-info.yaml',
      target: { type: 'local-git', canOpen: true, repository: 'parcels' },
    });
    expect(preview.body.diff).toContain(
      '-  owner: user:default/martin.keller\n+  owner: logistics\n',
    );

    const created = await api
      .post('/change-requests')
      .send({ ...ownerFix, baseHash: preview.body.baseHash })
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'open',
      provider: 'local-git',
      repository: 'parcels',
      author: 'user:default/mock',
      diff: preview.body.diff,
      entities: [
        { entityRef: 'component:default/parcels', fix: { type: 'owner' } },
      ],
    });
    // A branch with the change; the default branch and the checkout are as they were.
    const proposed = await git(
      ['show', `${created.body.branch}:catalog-info.yaml`],
      bare(),
    );
    expect(proposed).toBe(
      FILE.replace(
        'owner: user:default/martin.keller\n---',
        'owner: logistics\n---',
      ),
    );
    expect(await fs.readFile(checkoutFile(), 'utf8')).toBe(FILE);

    await api.post('/change-requests').send(ownerFix).expect(409);
    const list = await api
      .get(
        `/change-requests?status=open&entityRef=${encodeURIComponent(
          'component:default/parcels',
        )}`,
      )
      .expect(200);
    expect(list.body.items.map((c: any) => c.id)).toEqual([created.body.id]);

    const merged = await api
      .post(`/change-requests/${created.body.id}/merge`)
      .expect(200);
    expect(merged.body).toMatchObject({
      status: 'merged',
      decidedBy: 'user:default/mock',
    });
    expect(await fs.readFile(checkoutFile(), 'utf8')).toBe(proposed);
    expect(await git(['show', 'main:catalog-info.yaml'], bare())).toBe(
      proposed,
    );
    // The ownership check runs again once the catalog has re-read the entity (or gave up waiting).
    await poll(
      'the ownership check',
      async () => evaluated.length > 0,
      5000,
      100,
    );
    await api.post(`/change-requests/${created.body.id}/merge`).expect(409);
  });

  it('refuses to merge over an edit of the file made since, and merges when only other files changed', async () => {
    const api = await start();
    const rule = {
      entityRef: 'component:default/parcels',
      fix: { type: 'rule', ruleId: 'part-of-system' },
    };
    const first = await api.post('/change-requests').send(rule).expect(201);
    expect(first.body.diff).toContain('+  system: shipping');

    // Someone commits another file: the change is re-made on the new head and merged.
    await commitOutsidePortal({
      bare: bare(),
      edits: { 'README.md': () => 'Parcels\n' },
      message: 'Readme',
      checkout: local.repositories.paths('parcels').checkout,
    });
    await api.post(`/change-requests/${first.body.id}/merge`).expect(200);
    expect(await fs.readFile(checkoutFile(), 'utf8')).toContain(
      '  system: shipping\n',
    );

    // Someone edits catalog-info.yaml after a proposal: its merge is refused, nothing moves.
    const second = await api
      .post('/change-requests')
      .send(ownerFix)
      .expect(201);
    await commitOutsidePortal({
      bare: bare(),
      edits: {
        'catalog-info.yaml': text =>
          text!.replace('Sorts parcels', 'Sorts all parcels'),
      },
      message: 'Describe',
    });
    const head = await git(['rev-parse', 'main'], bare());
    const stale = await api
      .post(`/change-requests/${second.body.id}/merge`)
      .expect(409);
    expect(stale.body.error.message).toBe(
      'the file changed since; propose again',
    );
    expect(await git(['rev-parse', 'main'], bare())).toBe(head);
    expect(
      (await api.get(`/change-requests/${second.body.id}`).expect(200)).body
        .status,
    ).toBe('open');

    // A preview confirmed before the edit is refused too.
    await api
      .post('/change-requests')
      .send({ ...ownerFix, baseHash: 'f'.repeat(40) })
      .expect(409);
  });

  it('rejects with a reason and deletes the branch', async () => {
    const api = await start();
    const created = await api
      .post('/change-requests')
      .send(ownerFix)
      .expect(201);
    expect(await branches()).toContain(created.body.branch);
    await api
      .post(`/change-requests/${created.body.id}/reject`)
      .send({})
      .expect(400);
    const rejected = await api
      .post(`/change-requests/${created.body.id}/reject`)
      .send({ reason: 'The team is logistics-ops, not logistics' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reason: 'The team is logistics-ops, not logistics',
    });
    expect(await branches()).toEqual(['main']);
    await api
      .post(`/change-requests/${created.body.id}/reject`)
      .send({ reason: 'again' })
      .expect(409);
  });

  it('offers the diff of a file location with the reason no change request can be made', async () => {
    const api = await start();
    const body = {
      entityRef: 'component:default/example',
      fix: { type: 'owner' },
    };
    const preview = await api.post('/previews').send(body).expect(200);
    expect(preview.body.target).toMatchObject({ type: 'file', canOpen: false });
    expect(preview.body.target.reason).toContain(
      'no change request can be made',
    );
    expect(preview.body.path).toBe('examples/components.yaml');
    expect(preview.body.diff).toContain('+  owner: logistics');
    const refused = await api.post('/change-requests').send(body).expect(400);
    expect(refused.body.error.message).toContain(
      'no change request can be made',
    );
    expect(refused.body.error.message).not.toContain(local.root);
    expect(await fs.readFile(examples, 'utf8')).toBe(
      FILE.replace('parcels', 'example'),
    );
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const api = await start();
    const notRef = await api
      .post('/previews')
      .send({ entityRef: 'not a ref', fix: { type: 'owner' } })
      .expect(400);
    expect(notRef.body.error.message).toMatch(
      /^entityRef: 'not a ref' is not an entity reference/,
    );
    const manual = await api
      .post('/change-requests')
      .send({
        entityRef: 'component:default/parcels',
        fix: { type: 'rule', ruleId: 'has-techdocs' },
      })
      .expect(400);
    expect(manual.body.error.message).toContain(
      "fix.ruleId: rule 'has-techdocs' has no mechanical fix",
    );
    const passing = await api
      .post('/previews')
      .send({
        entityRef: 'component:default/parcels',
        fix: { type: 'rule', ruleId: 'has-description' },
      })
      .expect(400);
    expect(passing.body.error.message).toContain('nothing to fix');
    await api
      .post('/previews')
      .send({ entityRef: 'component:default/parcels' })
      .expect(400);

    // A file that no longer parses.
    const broken = path.join(
      local.repositories.paths('parcels').checkout,
      'broken.yaml',
    );
    await commitOutsidePortal({
      bare: bare(),
      edits: { 'broken.yaml': () => 'kind: Component\nmetadata: [\n' },
      message: 'Broken',
      checkout: path.dirname(broken),
    });
    const unparsable = await api
      .post('/change-requests')
      .send({ entityRef: 'component:default/broken', fix: { type: 'owner' } })
      .expect(400);
    expect(unparsable.body.error.message).toMatch(
      /^catalog-info.yaml no longer parses: /,
    );

    expect(await branches()).toEqual(['main']);
    expect(
      (await api.get('/change-requests').expect(200)).body.totalCount,
    ).toBe(0);
  });

  it('answers 404 for what does not exist, 401 without a user and 403 without the permission', async () => {
    const api = await start();
    const missing = await api
      .post('/previews')
      .send({ entityRef: 'component:default/nope', fix: { type: 'owner' } })
      .expect(404);
    expect(missing.body.error.message).toBe(
      "No entity 'component:default/nope'",
    );
    await api.get('/change-requests/999').expect(404);
    await api.post('/change-requests/999/merge').expect(404);
    await api.anonymous('/previews').send(ownerFix).expect(401);
    await api.anonymous('/change-requests').send(ownerFix).expect(401);

    const created = await api
      .post('/change-requests')
      .send(ownerFix)
      .expect(201);
    permissions.denied.add('catalog-fixes.change-request.decide');
    const denied = await api
      .post(`/change-requests/${created.body.id}/merge`)
      .expect(403);
    expect(denied.body.error.message).toBe(
      `Only the owners of 'component:default/parcels' or the admins may merge or reject change request ${created.body.id}`,
    );
    await api
      .post(`/change-requests/${created.body.id}/reject`)
      .send({ reason: 'no' })
      .expect(403);
    expect(await git(['rev-parse', 'main'], bare())).toBe(
      `${created.body.baseCommit}\n`,
    );
    permissions.denied.add('catalog-fixes.propose');
    await api.post('/previews').send(ownerFix).expect(403);
  });
});
