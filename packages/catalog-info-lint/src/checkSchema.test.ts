import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import { checkInput } from './checkInput';
import { checkSchema } from './checkSchema';

async function schema(text: string) {
  const { entities } = checkInput(
    'c.yaml',
    Buffer.from(text),
    defaultInputGuardOptions,
  );
  return checkSchema('c.yaml', entities[0]);
}

const component = (spec: string, metadata = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n${metadata}spec:\n${spec}`;

describe('checkSchema', () => {
  it('accepts a valid component', async () => {
    expect(
      await schema(
        component(
          '  type: service\n  lifecycle: production\n  owner: team-a\n',
        ),
      ),
    ).toEqual([]);
  });

  it('names a missing required field at the mapping that should hold it', async () => {
    expect(
      await schema(component('  type: service\n  owner: team-a\n')),
    ).toEqual([
      expect.objectContaining({
        line: 5,
        severity: 'error',
        check: 'schema',
        message: expect.stringContaining("required property 'lifecycle'"),
      }),
    ]);
  });

  it('places a field of the wrong type at its line', async () => {
    expect(
      await schema(
        component(
          '  type: service\n  lifecycle: production\n  owner: team-a\n  dependsOn: resource:db\n',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        line: 9,
        column: 3,
        message: '/spec/dependsOn must be array - type: array',
      }),
    ]);
  });

  it('places an invalid tag at the tag, and an unknown kind at kind', async () => {
    const [tag] = await schema(
      component(
        '  type: service\n  lifecycle: production\n  owner: team-a\n',
        '  tags: [ok, Not Ok]\n',
      ),
    );
    expect(tag).toMatchObject({
      line: 5,
      message: expect.stringContaining('"tags.1" is not valid'),
    });
    const [kind] = await schema(
      'apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: a\nkind: Servise\n',
    );
    expect(kind).toMatchObject({
      line: 4,
      column: 1,
      message: expect.stringContaining("kind 'Servise'"),
    });
  });

  it('accepts a software template', async () => {
    expect(
      await schema(
        'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  type: service\n  steps: []\n',
      ),
    ).toEqual([]);
  });
});
