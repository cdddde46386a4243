import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { createGuardedEntityDataParser } from './GuardedEntityDataParser';
import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import type { RefusedDocument } from './RefusedDocumentsStore';
import { componentDocument } from './__testUtils__/documents';

const location = {
  type: 'url',
  target: 'https://git.example/repo/catalog-info.yaml',
};
const where = 'url:https://git.example/repo/catalog-info.yaml';

async function parse(
  text: string | Buffer,
  existing = new Map<string, string>(),
  options = defaultInputGuardOptions,
) {
  const recorded: RefusedDocument[][] = [];
  const parser = createGuardedEntityDataParser(options, {
    existingLocations: async refs =>
      new Map([...existing].filter(([ref]) => refs.includes(ref))),
    recordRefusals: async (at, refused) => {
      expect(at).toEqual(location);
      recorded.push(refused);
    },
  });
  const results: CatalogProcessorResult[] = [];
  for await (const result of parser({
    data: Buffer.isBuffer(text) ? text : Buffer.from(text),
    location,
  })) {
    results.push(result);
  }
  return {
    errors: results.flatMap(r => (r.type === 'error' ? [r.error.message] : [])),
    entities: results.flatMap(r => (r.type === 'entity' ? [r.entity] : [])),
    /** What the parser recorded as refused; it records once per read. */
    refused: (expect(recorded).toHaveLength(1), recorded[0]),
  };
}

const component = (name: string, extra = '') =>
  componentDocument(name, { owner: 'group:default/payments', extra });

describe('createGuardedEntityDataParser', () => {
  it('emits the entities of a valid file', async () => {
    const { errors, entities, refused } = await parse(
      `${component('a')}---\n${component('b')}`,
    );
    expect(errors).toEqual([]);
    expect(entities.map(e => e.metadata.name)).toEqual(['a', 'b']);
    expect(refused).toEqual([]);
  });

  it('names the file, the line and the fix for invalid YAML', async () => {
    const { errors, entities } = await parse(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n   description: x\n',
    );
    expect(entities).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${where}: the document is not valid YAML: Nested mappings .*at line 4, column 9`,
      ),
    );
    expect(errors[0]).toContain('Fix the indentation or quoting');
  });

  it('refuses duplicate keys instead of silently keeping the last one', async () => {
    const { errors } = await parse(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  name: b\n',
    );
    expect(errors[0]).toContain('Map keys must be unique');
  });

  it('takes the good documents of a multi-document file and records which one is wrong, and why', async () => {
    const { errors, entities, refused } = await parse(
      `${component(
        'a',
      )}---\napiVersion: backstage.io/v1alpha1\nmetadata:\n  name: b\n---\n${component(
        'c',
      ).replace('name: c', 'name: c\n  description: [unclosed')}`,
    );
    // An error would make the catalog drop the whole file, so the refusals are recorded instead.
    expect(errors).toEqual([]);
    expect(entities.map(e => e.metadata.name)).toEqual(['a']);
    expect(refused).toEqual([
      {
        document: 2,
        entityRef: undefined,
        message: `${where}: document 2: kind is missing: add the kind, e.g. "kind: Component"`,
      },
      {
        document: 3,
        entityRef: 'component:default/c',
        message: expect.stringMatching(
          new RegExp(`^${where}: document 3 is not valid YAML: `),
        ),
      },
    ]);
  });

  it('reports on the location as well when nothing in the file can be taken', async () => {
    const { errors, entities, refused } = await parse(
      'apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: b\n',
    );
    expect(entities).toEqual([]);
    expect(errors).toEqual([
      `${where}: kind is missing: add the kind, e.g. "kind: Component"`,
    ]);
    expect(refused.map(r => r.message)).toEqual(errors);
  });

  it.each([
    ['- a\n- b\n', 'the document is a list, not an entity'],
    ['just a sentence\n', 'the document is a string, not an entity'],
    [
      'kind: Component\nmetadata: { name: a }\n',
      'apiVersion is missing: add "apiVersion: backstage.io/v1alpha1"',
    ],
    [
      'apiVersion: 2\nkind: Component\nmetadata: { name: a }\n',
      'apiVersion is a number',
    ],
    [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
      'metadata is missing',
    ],
    [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [a]\n',
      'metadata is a list',
    ],
    [
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { title: a }\n',
      'metadata.name is missing',
    ],
    [
      'apiVersion: backstage.io/v1alpha1\nkind: [A, B]\nmetadata: { name: a }\n',
      'kind is a list',
    ],
  ])('explains a document that is not an entity: %j', async (text, message) => {
    const { errors, entities } = await parse(text);
    expect(entities).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${where}: `);
    expect(errors[0]).toContain(message);
  });

  it('refuses keys that could reach a prototype, naming each path', async () => {
    const { errors, entities } = await parse(
      component('a', '  __proto__:\n    isAdmin: true\n'),
    );
    expect(entities).toEqual([]);
    expect(errors).toEqual([
      `${where}: spec.__proto__: keys named __proto__, constructor or prototype are not allowed; rename the key`,
    ]);
    expect(({} as any).isAdmin).toBeUndefined();
  });

  it('refuses files over the size limit without parsing them', async () => {
    const { errors } = await parse('x'.repeat(2048), undefined, {
      maxFileBytes: 1024,
      maxDepth: 32,
    });
    expect(errors).toEqual([
      `${where}: the file is 0.0 MiB, over the 0.0 MiB limit (catalog.inputGuard.maxFileBytes); move long text to TechDocs or split the file`,
    ]);
    const big = await parse(
      component('a').replace(
        'name: a',
        `name: a\n  description: ${'x'.repeat(3 * 1024 * 1024)}`,
      ),
    );
    expect(big.errors[0]).toContain(
      'the file is 3.0 MiB, over the 2.0 MiB limit',
    );
  });

  it('refuses binary files', async () => {
    const { errors } = await parse(Buffer.from([0x89, 0x50, 0x00, 0x47]));
    expect(errors).toEqual([
      `${where}: the file is binary (a NUL byte at offset 2), not YAML; a catalog-info.yaml must be UTF-8 text`,
    ]);
  });

  it('refuses nesting beyond the limit, even nesting deep enough to break the YAML parser', async () => {
    const shallow = await parse(
      component('a', '  nested: {a: {a: {a: {a: 1}}}}\n'),
      undefined,
      {
        maxFileBytes: 1024 * 1024,
        maxDepth: 4,
      },
    );
    expect(shallow.errors).toEqual([
      `${where}: spec.nested.a.a: nested deeper than 4 levels (catalog.inputGuard.maxDepth); flatten the structure`,
    ]);
    let deep = '1';
    for (let i = 0; i < 5000; i++) deep = `{a: ${deep}}`;
    const { errors } = await parse(component('a', `  nested: ${deep}\n`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/nested (too deeply|deeper than 32 levels)/);
  });

  it('refuses only the entity another location already defines, naming both', async () => {
    const { errors, entities, refused } = await parse(
      `${component('payments-service')}---\n${component('new-one')}`,
      new Map([
        [
          'component:default/payments-service',
          'file:/catalog/examples/payments.yaml',
        ],
      ]),
    );
    expect(errors).toEqual([]);
    expect(refused).toEqual([
      {
        document: 1,
        entityRef: 'component:default/payments-service',
        message: `${where}: document 1: component:default/payments-service is already defined in file:/catalog/examples/payments.yaml; entity names are unique per kind and namespace: rename this one or remove the other definition`,
      },
    ]);
    expect(entities.map(e => e.metadata.name)).toEqual(['new-one']);
  });

  it('accepts an entity the same file defined before', async () => {
    const { errors } = await parse(
      component('payments-service'),
      new Map([['component:default/payments-service', where]]),
    );
    expect(errors).toEqual([]);
  });

  it('keeps unicode in titles and descriptions', async () => {
    const { entities } = await parse(
      component('a').replace('name: a', 'name: a\n  title: Zürich 東京 🚚'),
    );
    expect(entities[0].metadata.title).toBe('Zürich 東京 🚚');
  });
});
