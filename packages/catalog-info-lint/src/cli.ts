import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Entity } from '@backstage/catalog-model';
import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import {
  OWNER_FINDING_TYPES,
  OwnerFindingSeveritySetting,
  OwnerFindingType,
} from '@internal/plugin-owner-validation-common';
import { CatalogSource, fileCatalog, PortalCatalog } from './catalogSource';
import { checkInput } from './checkInput';
import { Format, formatReport, FORMATS, summaryOf } from './format';
import { lintFiles } from './lintFiles';
import { findFiles } from './readFiles';

export const USAGE = `Usage: catalog-info-lint [options] PATH...

Checks catalog-info.yaml files (and the .yaml files under directories) as the portal would take
them: the catalog input guard, the catalog's validation, references and owners, and the
metadata-quality score. Files under a template's skeleton/ are skipped.

Options:
  --portal URL            resolve references and owners against a running portal, and score with
                          its quality rules (GET /api/metadata-quality/rules)
  --token T               the token for --portal (default: $PORTAL_TOKEN)
  --org FILE              entity files (or directories) to resolve references and owners against,
                          instead of or besides --portal; repeatable
  --owner-severity T=S    the severity of an owner finding type (${OWNER_FINDING_TYPES.join(
    ', ',
  )}): error, warning or off, as ownerValidation.severities; repeatable
  --format F              text (default), github (Actions annotations) or json
  -h, --help              this help

Without --portal or --org, references and owners are not checked. Exit 1 on errors, 0 otherwise,
2 on a usage error or a portal that does not answer.`;

/** Where the CLI writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

function ownerSeverities(values: string[]) {
  const severities: Partial<
    Record<OwnerFindingType, OwnerFindingSeveritySetting>
  > = {};
  for (const value of values) {
    const [type, severity] = value.split('=');
    if (!(OWNER_FINDING_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(
        `--owner-severity ${value}: unknown finding type '${type}'; use one of ${OWNER_FINDING_TYPES.join(
          ', ',
        )}`,
      );
    }
    if (severity !== 'error' && severity !== 'warning' && severity !== 'off') {
      throw new UsageError(
        `--owner-severity ${value}: use error, warning or off after '='`,
      );
    }
    severities[type as OwnerFindingType] = severity;
  }
  return severities;
}

/** Entities of the --org files, read with the same guard; a broken org file is a usage error. */
function orgEntities(paths: string[]): Entity[] {
  const entities: Entity[] = [];
  const { files } = findFiles(paths);
  for (const file of files) {
    const { entities: parsed } = checkInput(
      file,
      fs.readFileSync(file),
      defaultInputGuardOptions,
    );
    entities.push(...parsed.map(p => p.entity as Entity));
  }
  return entities;
}

function combine(sources: CatalogSource[]): CatalogSource | undefined {
  if (sources.length <= 1) return sources[0];
  return {
    async existing(refs) {
      const found = new Set<string>();
      for (const source of sources) {
        for (const ref of await source.existing(refs)) found.add(ref);
      }
      return found;
    },
    async org() {
      return (await Promise.all(sources.map(s => s.org()))).flat();
    },
  };
}

/** Runs the checker with command-line arguments; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        portal: { type: 'string' },
        token: { type: 'string' },
        org: { type: 'string', multiple: true, default: [] },
        'owner-severity': { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (!positionals.length) throw new UsageError('name at least one PATH');
    const format = values.format as Format;
    if (!FORMATS.includes(format)) {
      throw new UsageError(
        `--format ${format}: use one of ${FORMATS.join(', ')}`,
      );
    }
    for (const p of [...positionals, ...values.org]) {
      if (!fs.existsSync(p)) throw new UsageError(`no such file: ${p}`);
    }

    const sources: CatalogSource[] = [];
    let quality = { rules: DEFAULT_RULES, levels: DEFAULT_LEVELS };
    if (values.portal) {
      const portal = new PortalCatalog({
        baseUrl: values.portal,
        token: values.token ?? process.env.PORTAL_TOKEN,
      });
      try {
        quality = await portal.qualitySettings();
      } catch (error) {
        io.err(
          `catalog-info-lint: ${values.portal} did not answer for its quality rules (${error}); checking with the default rules\n`,
        );
      }
      sources.push(portal);
    }
    if (values.org.length) sources.push(fileCatalog(orgEntities(values.org)));

    const { files, skipped } = findFiles(positionals);
    let report;
    try {
      report = {
        ...(await lintFiles(
          files.map(file => ({ file, data: fs.readFileSync(file) })),
          {
            guard: defaultInputGuardOptions,
            quality: { ...quality, now: new Date() },
            catalog: combine(sources),
            owners: { severities: ownerSeverities(values['owner-severity']) },
          },
        )),
        skipped,
      };
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (!values.portal) throw error;
      io.err(
        `catalog-info-lint: the portal ${values.portal} did not answer: ${error}\n`,
      );
      return 2;
    }
    if (!sources.length && format === 'text') {
      io.err(
        'catalog-info-lint: references and owners not checked: give --portal URL or --org FILE\n',
      );
    }
    io.out(formatReport(report, format));
    return summaryOf(report).errors ? 1 : 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as any)?.code?.startsWith?.('ERR_PARSE_ARGS')
    ) {
      io.err(`catalog-info-lint: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
