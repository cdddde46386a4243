import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fail } from './fail.mjs';

/** TechDocs runs the machine's mkdocs with the Material theme. */
export function requireMkdocs() {
  const mkdocs = spawnSync('mkdocs', ['--version'], { encoding: 'utf8' });
  if (mkdocs.status !== 0) {
    fail('mkdocs is missing (TechDocs builds docs with it): run `sudo apt-get install mkdocs mkdocs-material` (or `pip install mkdocs mkdocs-material`), then start again');
  }
  // Ask the Python that runs mkdocs, which need not be the first python3 on PATH.
  const which = spawnSync('sh', ['-c', 'command -v mkdocs'], { encoding: 'utf8' }).stdout.trim();
  const shebang = fs.readFileSync(which, 'utf8').split('\n')[0];
  const python = shebang.startsWith('#!') ? shebang.slice(2).trim().split(/\s+/) : ['python3'];
  const material = spawnSync(python[0], [...python.slice(1), '-c', "import sys; from mkdocs.utils import get_theme_names; sys.exit('material' not in get_theme_names())"], { encoding: 'utf8' });
  if (material.status !== 0) {
    fail('the mkdocs Material theme is missing: run `sudo apt-get install mkdocs-material` (or `pip install mkdocs-material`), then start again');
  }
}

/** End-to-end tests drive the machine's Chromium; Playwright never downloads a browser here. */
export function chromiumPath() {
  const candidates = [process.env.PORTAL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find(p => p && fs.existsSync(p));
  if (!found) {
    fail('Chromium is missing (the end-to-end tests drive it): run `sudo apt-get install chromium`, or set PORTAL_CHROMIUM to a Chrome or Chromium binary');
  }
  return found;
}
