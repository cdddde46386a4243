import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { TechDocsBuildStatus } from './TechDocsBuildStatus';

function component(name: string, docs: boolean): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: docs ? { 'backstage.io/techdocs-ref': 'dir:.' } : {},
    },
  };
}

describe('TechDocsBuildStatus', () => {
  const deps = {
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger: mockServices.logger.mock(),
  };

  it('asks TechDocs only about entities with docs and reports the built ones', async () => {
    const asked: string[] = [];
    const status = new TechDocsBuildStatus({
      ...deps,
      fetch: (async (url: string) => {
        asked.push(url);
        return new Response('{}', {
          status: url.endsWith('/built') ? 200 : 404,
        });
      }) as typeof fetch,
    });
    const built = await status.builtAmong([
      component('built', true),
      component('unbuilt', true),
      component('nodocs', false),
    ]);
    expect(built).toEqual(new Set(['component:default/built']));
    expect(asked.map(u => u.replace(/^.*\/metadata\//, ''))).toEqual([
      'techdocs/default/Component/built',
      'techdocs/default/Component/unbuilt',
    ]);
  });

  it('answers undefined, and warns once, when TechDocs cannot be reached', async () => {
    const logger = mockServices.logger.mock();
    const status = new TechDocsBuildStatus({
      ...deps,
      logger,
      fetch: (async () => {
        throw new Error('connection refused');
      }) as typeof fetch,
    });
    expect(await status.builtAmong([component('a', true)])).toBeUndefined();
    expect(await status.builtAmong([component('b', true)])).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
