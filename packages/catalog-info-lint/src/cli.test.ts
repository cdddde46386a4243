import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from './cli';
import { componentYaml, TEAM_A } from './__testUtils__/documents';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-info-lint-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

const org = write('org.yaml', TEAM_A);
const good = write(
  'good/catalog-info.yaml',
  componentYaml('good', { type: 'library', owner: 'team-a' }),
);
const personOwned = write(
  'person/catalog-info.yaml',
  componentYaml('person', { type: 'library', owner: 'user:ada' }),
);
const bad = write(
  'bad/catalog-info.yaml',
  componentYaml('bad', {
    type: 'library',
    owner: 'nobody',
    description: '"50% done, ok"',
  }),
);
write('tpl/skeleton/catalog-info.yaml', 'name: ${{ values.name }}\n');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: t => {
      out += t;
    },
    err: t => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('catalog-info-lint', () => {
  it('exits 0 for a good file, with its score', async () => {
    const { code, out } = await run('--org', org, good);
    expect(code).toBe(0);
    expect(out).toContain(`${good}:1  score  component:default/good:`);
    expect(out).toContain('0 errors, 0 warnings');
  });

  it('exits 0 with warnings only', async () => {
    const { code, out } = await run('--org', org, personOwned);
    expect(code).toBe(0);
    expect(out).toContain(`${personOwned}:8:3  warning  Owned by a person`);
  });

  it('exits 1 on errors, and an owner severity can be lowered as in ownerValidation.severities', async () => {
    expect((await run('--org', org, bad)).code).toBe(1);
    const lowered = await run(
      '--org',
      org,
      '--owner-severity',
      'ownerNotFound=warning',
      bad,
    );
    expect(lowered.code).toBe(0);
  });

  it('prints GitHub annotations, escaped', async () => {
    const { out } = await run('--format', 'github', '--org', org, bad);
    expect(out).toContain(
      `::error file=${bad},line=9,col=3,title=catalog-info owner::Owner not found: Owner 'group:default/nobody' does not exist in the catalog`,
    );
  });

  it('prints JSON, and skips template skeletons', async () => {
    const { out } = await run('--format', 'json', dir);
    const report = JSON.parse(out);
    expect(report.skipped).toEqual([
      {
        file: path.join(dir, 'tpl/skeleton/catalog-info.yaml'),
        reason: expect.stringContaining('template skeleton'),
      },
    ]);
    expect(report.summary).toMatchObject({ files: 4, errors: 0 });
  });

  it('exits 2 on a usage error', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--format', 'xml', good)).code).toBe(2);
    expect((await run('--owner-severity', 'x=error', good)).code).toBe(2);
    expect((await run('--nope', good)).code).toBe(2);
    expect((await run(path.join(dir, 'missing.yaml'))).code).toBe(2);
  });
});
