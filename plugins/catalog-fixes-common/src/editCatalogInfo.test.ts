import { editCatalogInfo } from './editCatalogInfo';
import { unifiedDiff } from './unifiedDiff';

const service = { kind: 'Component', namespace: 'default', name: 'parcels' };

// A golden path's file as people keep it: comments, folded text, flow lists, quoting, a second and
// third document.
const FILE = `# The parcel sorting service.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcels
  description: >-
    Sorts parcels by depot,
    every night.
  tags: [typescript, golden-path]   # searched for
  annotations:
    backstage.io/techdocs-ref: "dir:."
  links:
  - url: http://localhost:8080/health
    title: Health
spec:
  type: service
  lifecycle: 'production'
  owner: user:default/martin.keller # left in June
  providesApis:
    - parcels-api
---
# Its API.
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: parcels-api}
spec:
  type: openapi
  owner: user:default/martin.keller
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcels
  namespace: other
spec:
  owner: someone
`;

/** The lines a change removed and added, without the diff's headers. */
function changedLines(before: string, after: string): string[] {
  return unifiedDiff('catalog-info.yaml', before, after)
    .split('\n')
    .filter(line => /^[-+](?![-+]{2} )/.test(line));
}

describe('editCatalogInfo', () => {
  it("sets a field of the entity's document and changes nothing else, the value's comment included", () => {
    const after = editCatalogInfo(FILE, service, [
      { type: 'set', path: 'spec.owner', value: 'logistics' },
    ]);
    expect(changedLines(FILE, after)).toEqual([
      '-  owner: user:default/martin.keller # left in June',
      '+  owner: logistics # left in June',
    ]);
    // The API's owner, in the second document, is left alone.
    expect(after).toContain(
      'metadata: {name: parcels-api}\nspec:\n  type: openapi\n  owner: user:default/martin.keller\n',
    );
  });

  it('keeps the quoting a field already has', () => {
    const after = editCatalogInfo(FILE, service, [
      { type: 'set', path: 'spec.lifecycle', value: 'experimental' },
    ]);
    expect(changedLines(FILE, after)).toEqual([
      "-  lifecycle: 'production'",
      "+  lifecycle: 'experimental'",
    ]);
  });

  it('adds a missing field at the end of its mapping, indented as the file is', () => {
    const after = editCatalogInfo(FILE, service, [
      { type: 'set', path: 'spec.system', value: 'shipping' },
    ]);
    expect(changedLines(FILE, after)).toEqual(['+  system: shipping']);
    expect(after).toContain('    - parcels-api\n  system: shipping\n---\n');
  });

  it('sets an annotation next to the others', () => {
    const after = editCatalogInfo(FILE, service, [
      {
        type: 'annotation',
        annotation: 'backstage.io/source-location',
        value: 'url:https://git.example/parcels/',
      },
    ]);
    expect(changedLines(FILE, after)).toEqual([
      '+    backstage.io/source-location: url:https://git.example/parcels/',
    ]);
  });

  it('creates the annotations mapping when the document has none, in the style of its mapping', () => {
    const api = { kind: 'API', namespace: 'default', name: 'parcels-api' };
    const after = editCatalogInfo(FILE, api, [
      {
        type: 'annotation',
        annotation: 'backstage.io/source-location',
        value: 'url:https://git.example/parcels/',
      },
    ]);
    expect(after).toContain(
      'metadata: {name: parcels-api, annotations: {backstage.io/source-location: url:https://git.example/parcels/}}\nspec:',
    );
    expect(after.startsWith(FILE.slice(0, FILE.indexOf('---')))).toBe(true);
  });

  it("adds to a block list in the list's own style, and leaves items already there", () => {
    const after = editCatalogInfo(FILE, service, [
      {
        type: 'add',
        path: 'spec.providesApis',
        values: ['parcels-api', 'parcels-events'],
      },
      {
        type: 'add',
        path: 'metadata.links',
        values: [
          { url: 'https://grafana.example/parcels', title: 'Dashboard' },
        ],
      },
    ]);
    expect(changedLines(FILE, after)).toEqual([
      '+  - url: https://grafana.example/parcels',
      '+    title: Dashboard',
      '+    - parcels-events',
    ]);
  });

  it('adds to a flow list in place, and creates a missing list', () => {
    const after = editCatalogInfo(FILE, service, [
      { type: 'add', path: 'metadata.tags', values: ['postgresql'] },
      { type: 'add', path: 'spec.consumesApis', values: ['depots-api'] },
    ]);
    expect(changedLines(FILE, after)).toEqual([
      '-  tags: [typescript, golden-path]   # searched for',
      '+  tags: [typescript, golden-path, postgresql]   # searched for',
      '+  consumesApis:',
      // Level with its key, as the file's other lists (links) are.
      '+  - depots-api',
    ]);
  });

  it('finds the document by kind, namespace and name, ignoring case', () => {
    const after = editCatalogInfo(
      FILE,
      { kind: 'component', namespace: 'OTHER', name: 'Parcels' },
      [{ type: 'set', path: 'spec.owner', value: 'group:other/team' }],
    );
    expect(changedLines(FILE, after)).toEqual([
      '-  owner: someone',
      '+  owner: group:other/team',
    ]);
  });

  it('writes a value that needs quotes with quotes', () => {
    const after = editCatalogInfo(FILE, service, [
      { type: 'set', path: 'spec.owner', value: 'group: with a colon' },
    ]);
    expect(changedLines(FILE, after)[1]).toBe(
      '+  owner: "group: with a colon" # left in June',
    );
  });

  it('edits a file whose lists are indented under their key and one without a final newline', () => {
    const text =
      'kind: Component\nmetadata:\n  name: parcels\nspec:\n  owner: web';
    const after = editCatalogInfo(text, service, [
      { type: 'set', path: 'spec.system', value: 'shipping' },
      { type: 'add', path: 'spec.dependsOn', values: ['resource:db'] },
    ]);
    expect(after).toBe(
      'kind: Component\nmetadata:\n  name: parcels\nspec:\n  owner: web\n  system: shipping\n  dependsOn:\n    - resource:db\n',
    );
  });

  it('refuses a file without the entity, naming it', () => {
    expect(() =>
      editCatalogInfo(FILE, { ...service, name: 'nope' }, [
        { type: 'set', path: 'spec.owner', value: 'web' },
      ]),
    ).toThrow("catalog-info.yaml defines no Component 'default/nope'");
  });

  it('refuses a file that no longer parses, saying where', () => {
    expect(() =>
      editCatalogInfo('kind: Component\nmetadata: [\n', service, [
        { type: 'set', path: 'spec.owner', value: 'web' },
      ]),
    ).toThrow(/^catalog-info.yaml no longer parses: /);
  });

  it('refuses a path through something that is not a mapping', () => {
    expect(() =>
      editCatalogInfo(FILE, service, [
        { type: 'set', path: 'spec.owner.name', value: 'web' },
      ]),
    ).toThrow('spec.owner is not a mapping');
  });
});

describe('unifiedDiff', () => {
  it('writes a git-style diff with the file path and three lines of context', () => {
    const diff = unifiedDiff('catalog-info.yaml', 'a\nb\nc\n', 'a\nB\nc\n');
    expect(diff).toBe(
      [
        '--- a/catalog-info.yaml',
        '+++ b/catalog-info.yaml',
        '@@ -1,3 +1,3 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('x', 'same', 'same')).toBe('');
  });
});

describe('editCatalogInfo on the example catalog', () => {
  // Every entity of the examples, with their folded descriptions, flow lists and comments: setting
  // the owner or the system changes one line (or adds one) and nothing else.
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { parseAllDocuments } = require('yaml') as typeof import('yaml');
  const dir = path.resolve(__dirname, '../../../examples');
  const files = [
    'components.yaml',
    'apis.yaml',
    'systems.yaml',
    'resources.yaml',
  ];

  it.each(files)('%s', file => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const doc of parseAllDocuments(text) as any[]) {
      const value = doc.toJS();
      const target = {
        kind: value.kind,
        namespace: value.metadata.namespace ?? 'default',
        name: value.metadata.name,
      };
      const owner = editCatalogInfo(text, target, [
        { type: 'set', path: 'spec.owner', value: 'group:default/new-team' },
      ]);
      expect(changedLines(text, owner)).toHaveLength(
        value.spec?.owner === undefined ? 1 : 2,
      );
      const system = editCatalogInfo(text, target, [
        { type: 'set', path: 'spec.system', value: 'new-system' },
      ]);
      expect(changedLines(text, system).filter(l => l.startsWith('+'))).toEqual(
        [expect.stringMatching(/^\+ +system: new-system$/)],
      );
    }
  });
});
