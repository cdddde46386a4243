import { inspectFile } from './inspectFile';
import { defaultInputGuardOptions } from './options';

const inspect = (text: string) =>
  inspectFile(Buffer.from(text), defaultInputGuardOptions);

describe('inspectFile', () => {
  it('gives the line and column of a YAML error', () => {
    const { documents } = inspect(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n   description: x\n',
    );
    expect(documents[0].problems).toEqual([
      expect.objectContaining({ line: 4, column: 9 }),
    ]);
  });

  it('points a missing field at the key of the mapping that should hold it', () => {
    const { documents } = inspect(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: a\n',
    );
    expect(documents[0].problems).toEqual([
      {
        message: expect.stringMatching(/^metadata\.name is missing/),
        line: 3,
        column: 1,
      },
    ]);
  });

  it('points a forbidden key at its own line, per document', () => {
    const { documentCount, documents } = inspect(
      'kind: A\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: a\nspec:\n  __proto__:\n    x: 1\n',
    );
    expect(documentCount).toBe(2);
    expect(documents[1]).toMatchObject({
      document: 2,
      entityRef: 'component:default/a',
      line: 3,
      problems: [
        {
          message:
            'document 2: spec.__proto__: keys named __proto__, constructor or prototype are not allowed; rename the key',
          line: 8,
          column: 3,
        },
      ],
    });
  });

  it('gives the entity of a document without problems', () => {
    const { documents } = inspect(
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: a\n',
    );
    expect(documents[0].entity?.metadata.name).toBe('a');
    expect(documents[0].problems).toEqual([]);
    expect(documents[0].locate(['metadata', 'name'])).toEqual({
      line: 4,
      column: 3,
    });
  });

  it('refuses a file over the size limit unread', () => {
    const result = inspectFile(Buffer.from('x'.repeat(2048)), {
      maxFileBytes: 1024,
      maxDepth: 32,
    });
    expect(result.fileProblem).toContain('over the 0.0 MiB limit');
    expect(result.documents).toEqual([]);
  });
});
