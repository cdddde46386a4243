import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as winston from 'winston';
import { OfflineMkdocsGenerator } from './OfflineMkdocsGenerator';

// Runs the machine's real mkdocs with the Material theme, as the portal does.
const quiet = winston.createLogger({
  transports: [new winston.transports.Console({ silent: true })],
});

function generator(disableExternalFonts: boolean) {
  const config = new ConfigReader({
    techdocs: {
      generator: {
        runIn: 'local',
        mkdocs: { omitTechdocsCorePlugin: true, disableExternalFonts },
      },
    },
  });
  return OfflineMkdocsGenerator.fromConfig(config, {
    logger: mockServices.logger.mock(),
  });
}

function docsSource(mkdocsYml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-source-'));
  fs.writeFileSync(path.join(dir, 'mkdocs.yml'), mkdocsYml);
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(
    path.join(dir, 'docs', 'index.md'),
    '# Checkout API\n\nHow to call it.\n',
  );
  // A repository whose root is the docs source: its dependencies are not docs.
  fs.mkdirSync(path.join(dir, 'node_modules', 'left-pad'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'node_modules', 'left-pad', 'index.md'),
    '# Not docs\n',
  );
  return dir;
}

async function build(source: string, disableExternalFonts: boolean) {
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-site-'));
  await generator(disableExternalFonts).run({
    inputDir: source,
    outputDir,
    logger: quiet,
  });
  return {
    html: fs.readFileSync(path.join(outputDir, 'index.html'), 'utf8'),
    files: fs.readdirSync(outputDir, { recursive: true }).map(String),
  };
}

const namedFont = `# Our docs
site_name: Checkout API
theme:
  name: material
  font:
    text: Roboto
nav:
  - Home: index.md
`;

describe('OfflineMkdocsGenerator', () => {
  it('builds a site that names a Google font without asking any font server', async () => {
    const source = docsSource(namedFont);
    const { html, files } = await build(source, true);
    expect(html).toContain('Checkout API');
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(files.some(f => f.includes('left-pad'))).toBe(false);
  });

  it('leaves the source folder exactly as it was, comments included', async () => {
    const source = docsSource(namedFont);
    await build(source, true);
    expect(fs.readFileSync(path.join(source, 'mkdocs.yml'), 'utf8')).toBe(
      namedFont,
    );
    expect(fs.readdirSync(source).sort()).toEqual([
      'docs',
      'mkdocs.yml',
      'node_modules',
    ]);
  });

  it('turns off the fonts of a site that only says `theme: material`', async () => {
    const source = docsSource('site_name: Checkout API\ntheme: material\n');
    const { html } = await build(source, true);
    expect(html).toContain('Checkout API');
    expect(html).not.toMatch(/fonts\.googleapis\.com/);
  });

  it('keeps the web fonts when disableExternalFonts is off', async () => {
    const source = docsSource(namedFont);
    const { html } = await build(source, false);
    expect(html).toMatch(/fonts\.googleapis\.com/);
  });

  it('reads docs from the docs_dir mkdocs.yml names', async () => {
    const source = docsSource(
      'site_name: Checkout API\ndocs_dir: handbook\ntheme: material\n',
    );
    fs.renameSync(path.join(source, 'docs'), path.join(source, 'handbook'));
    const { html } = await build(source, true);
    expect(html).toContain('How to call it.');
  });
});
