import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';

const CONFIG_NAMES = ['mkdocs.yaml', 'mkdocs.yml'];

function relativeInside(root: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const resolved = path.resolve(root, value);
  const relative = path.relative(root, resolved);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative
    : undefined;
}

/**
 * Copies what MkDocs reads from a docs source into `target`: the files at its top level (mkdocs.yml,
 * README.md), the `docs_dir` and the theme's `custom_dir`. Folders such as node_modules or .git in a
 * repository whose root is the docs source are left out.
 */
export async function copyDocsSource(source: string, target: string) {
  const entries = await fs.readdir(source, { withFileTypes: true });
  const folders = new Set(['docs']);
  for (const name of CONFIG_NAMES) {
    const entry = entries.find(e => e.name === name && e.isFile());
    if (!entry) continue;
    const config = parseDocument(
      await fs.readFile(path.join(source, name), 'utf8'),
      {
        logLevel: 'silent',
      },
    ).toJS({ maxAliasCount: 100 });
    const docsDir = relativeInside(source, config?.docs_dir);
    if (docsDir) {
      folders.delete('docs');
      folders.add(docsDir);
    }
    const customDir = relativeInside(source, config?.theme?.custom_dir);
    if (customDir) folders.add(customDir);
    break;
  }
  await fs.mkdir(target, { recursive: true });
  for (const entry of entries) {
    if (entry.isFile()) {
      await fs.copyFile(
        path.join(source, entry.name),
        path.join(target, entry.name),
      );
    }
  }
  for (const folder of folders) {
    const from = path.join(source, folder);
    const stat = await fs.stat(from).catch(() => undefined);
    if (stat?.isDirectory()) {
      await fs.cp(from, path.join(target, folder), { recursive: true });
    }
  }
}
