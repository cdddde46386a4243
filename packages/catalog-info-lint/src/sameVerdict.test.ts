import fs from 'node:fs';
import path from 'node:path';
import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import { createGuardedEntityDataParser } from '@internal/plugin-catalog-backend-module-input-guard';
import { checkInput } from './checkInput';

// The bad-input corpus the input guard's browser test registers (packages/app/e2e-tests).
const corpus = path.resolve(
  __dirname,
  '../../app/e2e-tests/fixtures/bad-input',
);
const files = fs.readdirSync(corpus).filter(f => f.endsWith('.yaml'));

async function guardVerdict(data: Buffer) {
  const location = { type: 'file', target: '/corpus/file.yaml' };
  const where = 'file:/corpus/file.yaml: ';
  const messages = new Set<string>();
  const accepted: string[] = [];
  const parser = createGuardedEntityDataParser(defaultInputGuardOptions, {
    recordRefusals: async (_location, refused) => {
      refused.forEach(r => messages.add(r.message));
    },
  });
  for await (const result of parser({ data, location })) {
    if (result.type === 'error') messages.add(result.error.message);
    if (result.type === 'entity') {
      accepted.push(
        `${result.entity.kind}:${result.entity.metadata.name}`.toLowerCase(),
      );
    }
  }
  return {
    messages: [...messages].map(m => m.replace(where, '')).sort(),
    accepted,
  };
}

describe('the checker and the catalog input guard', () => {
  it('read the corpus', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('give the same verdict on %s', async file => {
    const data = fs.readFileSync(path.join(corpus, file));
    const guard = await guardVerdict(data);
    const checker = checkInput(file, data, defaultInputGuardOptions);
    expect(checker.findings.map(f => f.message).sort()).toEqual(guard.messages);
    expect(
      checker.entities.map(e =>
        `${e.entity.kind}:${e.entity.metadata.name}`.toLowerCase(),
      ),
    ).toEqual(guard.accepted);
  });

  it('give the same verdict on files too big or too deep to keep in git', async () => {
    let deep = '1';
    for (let i = 0; i < 2000; i++) deep = `{a: ${deep}}`;
    for (const text of [
      `apiVersion: v1\nkind: Component\nmetadata:\n  name: x\n  description: "${'x'.repeat(
        3 * 1024 * 1024,
      )}"\n`,
      `apiVersion: v1\nkind: Component\nmetadata:\n  name: x\nspec:\n  nested: ${deep}\n`,
    ]) {
      const data = Buffer.from(text);
      const guard = await guardVerdict(data);
      const checker = checkInput('f', data, defaultInputGuardOptions);
      expect(guard.messages).toHaveLength(1);
      expect(checker.findings.map(f => f.message)).toEqual(guard.messages);
    }
  });
});
