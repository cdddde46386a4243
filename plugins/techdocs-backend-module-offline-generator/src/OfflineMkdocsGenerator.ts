import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  GeneratorBase,
  GeneratorRunOptions,
  TechdocsGenerator,
} from '@backstage/plugin-techdocs-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyDocsSource } from './copyDocsSource';
import { disableThemeFonts } from './disableThemeFonts';

/**
 * The stock MkDocs generator, run on a copy of the prepared docs. The stock one edits mkdocs.yml in
 * place (sanitising, adding plugins, turning fonts off), which for a `dir:` source on this host is
 * the user's own file. With `techdocs.generator.mkdocs.disableExternalFonts`, the Material theme's
 * web fonts are turned off even where mkdocs.yml names one.
 */
export class OfflineMkdocsGenerator implements GeneratorBase {
  static fromConfig(
    config: RootConfigService,
    options: { logger: LoggerService },
  ) {
    return new OfflineMkdocsGenerator(
      TechdocsGenerator.fromConfig(config, options),
      config.getOptionalBoolean(
        'techdocs.generator.mkdocs.disableExternalFonts',
      ) ?? false,
    );
  }

  constructor(
    private readonly generator: GeneratorBase,
    private readonly disableExternalFonts: boolean,
  ) {}

  async run(options: GeneratorRunOptions): Promise<void> {
    const workDir = await fs.mkdtemp(
      path.join(os.tmpdir(), 'techdocs-source-'),
    );
    try {
      await copyDocsSource(options.inputDir, workDir);
      if (this.disableExternalFonts && (await disableThemeFonts(workDir))) {
        options.logger.debug(
          'Turned off the theme fonts of the docs for an offline build',
        );
      }
      await this.generator.run({ ...options, inputDir: workDir });
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }
}
