import fs from 'node:fs';
import path from 'node:path';

/** Directories never searched for catalog files. */
const IGNORED_DIRS = new Set(['node_modules', '.git', '.github', 'dist']);
/** YAML files that are not catalog files. */
const IGNORED_FILES = new Set(['mkdocs.yml', 'mkdocs.yaml']);

const SKELETON_REASON =
  'a template skeleton: Nunjucks, not YAML, until the scaffolder renders it; the generated repository checks the rendered file';

/** Whether a file lies in a software template's `skeleton/` directory. */
export function isTemplateSkeleton(file: string): boolean {
  return file.split(/[\\/]/).includes('skeleton');
}

/**
 * The files the given paths name: files as given, and the `.yaml` and `.yml` files under
 * directories (not mkdocs.yml, nor under node_modules, .git, .github or dist). Files in a template's
 * `skeleton/` are skipped with the reason.
 */
export function findFiles(paths: string[]): {
  files: string[];
  skipped: Array<{ file: string; reason: string }>;
} {
  const files: string[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  const visit = (p: string, named: boolean) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (IGNORED_DIRS.has(entry)) continue;
        visit(path.join(p, entry), false);
      }
      return;
    }
    if (
      !named &&
      (!/\.ya?ml$/.test(p) || IGNORED_FILES.has(path.basename(p)))
    ) {
      return;
    }
    if (isTemplateSkeleton(p))
      skipped.push({ file: p, reason: SKELETON_REASON });
    else files.push(p);
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}
