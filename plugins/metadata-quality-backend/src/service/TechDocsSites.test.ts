import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  buildFailureReason,
  lastSyncEvent,
  TechDocsSites,
} from './TechDocsSites';

function component(name: string, docs: boolean, etag = 'e1'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      etag,
      annotations: docs ? { 'backstage.io/techdocs-ref': 'dir:.' } : {},
    },
  };
}

const deps = {
  auth: mockServices.auth(),
  discovery: mockServices.discovery(),
  logger: mockServices.logger.mock(),
};

/** A stand-in TechDocs: `built` sites answer metadata; a sync builds, or fails for `broken`. */
function techdocs(built: Set<string>) {
  const asked: string[] = [];
  const fetchImpl = (async (url: string) => {
    const path = url.replace(/^.*\/api\/techdocs/, '');
    asked.push(path);
    const name = path.split('/').pop()!;
    if (path.startsWith('/metadata/')) {
      return new Response('{}', { status: built.has(name) ? 200 : 404 });
    }
    if (name === 'broken') {
      return new Response(
        'event: log\ndata: "building"\n\nevent: error\ndata: "Failed to generate docs from /tmp/techdocs-abc/src into /tmp/out; caused by mkdocs exited with code 1"\n\n',
      );
    }
    built.add(name);
    return new Response('event: finish\ndata: {"updated":true}\n\n');
  }) as typeof fetch;
  return { asked, fetchImpl };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise(r => setTimeout(r, 10));
  }
}

describe('TechDocsSites', () => {
  it('reports built sites, builds the missing ones through the sync route, and says which builds ended', async () => {
    const { asked, fetchImpl } = techdocs(new Set(['done']));
    const sites = new TechDocsSites({
      ...deps,
      buildMissing: true,
      fetch: fetchImpl,
    });
    const states = await sites.statesAmong([
      component('done', true),
      component('fresh', true),
      component('nodocs', false),
    ]);
    expect(Object.fromEntries(states!)).toEqual({
      'component:default/done': { state: 'built' },
      'component:default/fresh': { state: 'building' },
    });
    await until(() => asked.includes('/sync/default/Component/fresh'));
    await until(() => sites.takeFinished().length > 0 || false);
    const again = await sites.statesAmong([component('fresh', true)]);
    expect(again!.get('component:default/fresh')).toEqual({ state: 'built' });
    expect(asked.some(p => p.endsWith('/nodocs'))).toBe(false);
  });

  it('keeps a failed build failed, without server paths, until the entity changes', async () => {
    const { asked, fetchImpl } = techdocs(new Set());
    const sites = new TechDocsSites({
      ...deps,
      buildMissing: true,
      fetch: fetchImpl,
    });
    await sites.statesAmong([component('broken', true)]);
    let finished: string[] = [];
    await until(() => (finished = sites.takeFinished()).length > 0);
    expect(finished).toEqual(['component:default/broken']);
    const states = await sites.statesAmong([component('broken', true)]);
    expect(states!.get('component:default/broken')).toEqual({
      state: 'failed',
      reason:
        'Failed to generate docs from <path> into <path>; caused by mkdocs exited with code 1',
    });
    const syncs = () => asked.filter(p => p.startsWith('/sync/')).length;
    expect(syncs()).toBe(1);
    const changed = await sites.statesAmong([component('broken', true, 'e2')]);
    expect(changed!.get('component:default/broken')).toEqual({
      state: 'building',
    });
    await until(() => syncs() === 2);
    expect(syncs()).toBe(2);
  });

  it('does not build when buildMissing is off', async () => {
    const { asked, fetchImpl } = techdocs(new Set());
    const sites = new TechDocsSites({
      ...deps,
      buildMissing: false,
      fetch: fetchImpl,
    });
    await sites.statesAmong([component('fresh', true)]);
    await new Promise(r => setTimeout(r, 50));
    expect(asked.filter(p => p.startsWith('/sync/'))).toEqual([]);
  });

  it('answers undefined, and warns once, when TechDocs cannot be reached', async () => {
    const logger = mockServices.logger.mock();
    const sites = new TechDocsSites({
      ...deps,
      logger,
      buildMissing: true,
      fetch: (async () => {
        throw new Error('connection refused');
      }) as typeof fetch,
    });
    expect(await sites.statesAmong([component('a', true)])).toBeUndefined();
    expect(await sites.statesAmong([component('b', true)])).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('reads the last event of a sync stream and words a failure without paths', () => {
    expect(
      lastSyncEvent(
        'event: log\ndata: "x"\n\nevent: finish\ndata: {"updated":false}\n\n',
      ),
    ).toEqual({ type: 'finish', data: { updated: false } });
    expect(lastSyncEvent('')).toBeUndefined();
    expect(
      buildFailureReason(
        'Config file /srv/app/mkdocs.yml does not exist\n  at x',
      ),
    ).toBe('Config file <path> does not exist');
  });
});
