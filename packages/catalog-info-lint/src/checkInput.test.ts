import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import { checkInput } from './checkInput';

const check = (text: string) =>
  checkInput('c.yaml', Buffer.from(text), defaultInputGuardOptions);

describe('checkInput', () => {
  it('reports a YAML error at its line and column', () => {
    const { findings, entities } = check(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n   description: x\n',
    );
    expect(entities).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'c.yaml',
        line: 4,
        column: 9,
        severity: 'error',
        check: 'input-guard',
        message: expect.stringContaining('is not valid YAML'),
      }),
    ]);
  });

  it('reports a forbidden key at its line, naming the document of a multi-document file', () => {
    const { findings, entities } = check(
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: b\n  constructor: x\n',
    );
    expect(entities.map(e => e.entityRef)).toEqual(['component:default/a']);
    expect(findings).toEqual([
      {
        file: 'c.yaml',
        line: 10,
        column: 3,
        severity: 'error',
        check: 'input-guard',
        entityRef: 'component:default/b',
        message:
          'document 2: metadata.constructor: keys named __proto__, constructor or prototype are not allowed; rename the key',
      },
    ]);
  });

  it('reports files over the size limit and nesting past the depth limit', () => {
    const big = checkInput('big.yaml', Buffer.from('x'.repeat(100)), {
      maxFileBytes: 10,
      maxDepth: 32,
    });
    expect(big.findings[0]).toMatchObject({
      file: 'big.yaml',
      message: expect.stringContaining('maxFileBytes'),
    });
    expect(big.findings[0].line).toBeUndefined();
    const deep = checkInput(
      'deep.yaml',
      Buffer.from(
        'apiVersion: v1\nkind: Component\nmetadata:\n  name: a\nspec:\n  a:\n    b:\n      c: 1\n',
      ),
      { maxFileBytes: 1000, maxDepth: 3 },
    );
    expect(deep.findings).toEqual([
      expect.objectContaining({
        line: 7,
        message: expect.stringMatching(/^spec\.a\.b: nested deeper than 3/),
      }),
    ]);
  });
});
