import { Entity } from '@backstage/catalog-model';
import { entityLinks } from './entityLinks';

const entity = (metadata: Partial<Entity['metadata']>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-service', ...metadata },
});

describe('entityLinks', () => {
  it('types links by title, icon and type', () => {
    const links = entityLinks(
      entity({
        links: [
          { url: 'https://git.example/p', title: 'Repository', icon: 'github' },
          { url: 'https://rb.example/p', title: 'Runbook', icon: 'docs' },
          { url: 'https://grafana.example/p', title: 'Dashboard' },
          { url: 'https://pager.example/p', title: 'On-call', icon: 'alert' },
          { url: 'https://wiki.example/p', title: 'Team wiki' },
          { url: 'https://example.com' },
        ],
      }),
      'http://portal',
    );
    expect(links.map(l => l.type)).toEqual([
      'source',
      'runbook',
      'dashboard',
      'on-call',
      'docs',
      'other',
    ]);
    expect(links[5]).toEqual({ type: 'other', url: 'https://example.com' });
  });

  it('adds the TechDocs page and the source location', () => {
    expect(
      entityLinks(
        entity({
          namespace: 'Default',
          annotations: {
            'backstage.io/techdocs-ref': 'dir:.',
            'backstage.io/source-location': 'url:https://git.example/p/',
          },
        }),
        'http://portal',
      ),
    ).toEqual([
      {
        type: 'docs',
        title: 'TechDocs',
        url: 'http://portal/docs/default/component/payments-service',
      },
      { type: 'source', title: 'Source', url: 'https://git.example/p/' },
    ]);
  });
});
