import fs from 'node:fs/promises';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';

/**
 * Sets `theme.font: false` in the mkdocs.yml of `dir` when its theme is Material, so the built
 * site asks no font server for anything (the system fonts are used). Returns whether the file
 * changed. The stock `disableExternalFonts` patch only adds the key when it is missing; a site that
 * names a Google font explicitly would still wait for it on a network without internet.
 */
export async function disableThemeFonts(dir: string): Promise<boolean> {
  for (const name of ['mkdocs.yaml', 'mkdocs.yml']) {
    const file = path.join(dir, name);
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const doc = parseDocument(text, { logLevel: 'silent' });
    if (doc.errors.length) return false; // the generator reports the invalid file
    const theme = doc.get('theme');
    if (theme === 'material') {
      doc.set('theme', doc.createNode({ name: 'material', font: false }));
    } else if (
      isMap(theme) &&
      theme.get('name') === 'material' &&
      theme.get('font') !== false
    ) {
      theme.set('font', false);
    } else {
      return false;
    }
    await fs.writeFile(file, doc.toString());
    return true;
  }
  return false;
}
