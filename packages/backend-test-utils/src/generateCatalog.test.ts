import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  generateComponents,
  generateOrg,
  writeCatalogFiles,
} from './generateCatalog';

describe('generateComponents', () => {
  it('names, places and owns the components in turn', () => {
    const components = generateComponents(5, {
      prefix: 'x',
      namespace: 'bench',
      customize: (c, i) => {
        if (i === 4) c.metadata.title = 'Last';
      },
    });
    expect(components.map(c => c.metadata.name)).toEqual([
      'x-0',
      'x-1',
      'x-2',
      'x-3',
      'x-4',
    ]);
    expect(components[0]).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'x-0',
        namespace: 'bench',
        description: 'Generated service number 0.',
        tags: ['generated'],
        annotations: {
          'backstage.io/source-location':
            'url:https://git.acme-logistics.example/bench/x-0',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/platform',
        system: 'payments',
      },
    });
    expect(components.map(c => c.spec?.owner)).toEqual([
      'group:default/platform',
      'group:default/payments',
      'group:default/logistics',
      'group:default/web',
      'group:default/platform',
    ]);
    expect(components[4].metadata.title).toBe('Last');
  });

  it('leaves the system out when given none', () => {
    const [c] = generateComponents(1, { systems: [], owner: () => 'me' });
    expect(c.spec).toEqual({
      type: 'service',
      lifecycle: 'production',
      owner: 'me',
    });
  });
});

describe('generateOrg', () => {
  it('builds a tree of four children each, with users spread over the groups', () => {
    const org = generateOrg({
      groups: 10,
      users: 25,
      emptyGroupEvery: 10,
      userAnnotations: u => (u === 3 ? { gone: 'true' } : undefined),
    });
    const groups = org.filter(e => e.kind === 'Group');
    const users = org.filter(e => e.kind === 'User');
    expect(groups.map(g => [g.metadata.name, g.spec?.parent])).toEqual([
      ['team-0', undefined],
      ['team-1', 'team-0'],
      ['team-2', 'team-0'],
      ['team-3', 'team-0'],
      ['team-4', 'team-0'],
      ['team-5', 'team-1'],
      ['team-6', 'team-1'],
      ['team-7', 'team-1'],
      ['team-8', 'team-1'],
      ['team-9', 'team-2'],
    ]);
    expect(users).toHaveLength(25);
    expect(users[1].spec?.memberOf).toEqual(['team-1']);
    // The tenth group is empty: its users join the ninth.
    expect(users[9].spec?.memberOf).toEqual(['team-8']);
    expect(
      users.some(u => (u.spec?.memberOf as string[])[0] === 'team-9'),
    ).toBe(false);
    expect(users[3].metadata.annotations).toEqual({ gone: 'true' });
    expect(users[4].metadata.annotations).toBeUndefined();
  });
});

describe('writeCatalogFiles', () => {
  it('writes files of `perFile` entities and a Location listing them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-files-'));
    try {
      const entities = generateComponents(5);
      const location = writeCatalogFiles(dir, entities, { perFile: 2 });
      const [loc] = parseAllDocuments(fs.readFileSync(location, 'utf8')).map(
        d => d.toJS(),
      );
      expect(loc.kind).toBe('Location');
      expect(loc.spec.targets).toEqual([
        './entities-0.yaml',
        './entities-1.yaml',
        './entities-2.yaml',
      ]);
      const written = loc.spec.targets.flatMap((t: string) =>
        parseAllDocuments(fs.readFileSync(path.join(dir, t), 'utf8')).map(d =>
          d.toJS(),
        ),
      );
      expect(written).toEqual(entities);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
