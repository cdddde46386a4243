import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessorParser,
  CatalogProcessorResult,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { parseAllDocuments } from 'yaml';
import { inspectDocument } from './inspectDocument';
import { InputGuardOptions } from './options';

/**
 * Looks up where the catalog already has the given entities from: entity ref (lowercase) to the
 * location key (`url:` or `file:` and the file) the catalog holds it under. Refs the catalog does
 * not have are left out.
 */
export type ExistingLocations = (
  entityRefs: string[],
) => Promise<Map<string, string>>;

function mebibytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function entityRefOf(entity: Entity) {
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/**
 * The catalog's entity data parser with guard rails: a size limit, binary files refused, and for
 * every YAML or shape problem an error that names the file, the document, the field and the fix.
 * An entity that another location already defines is refused here with both locations named,
 * instead of being dropped with only a log line.
 */
export function createGuardedEntityDataParser(
  options: InputGuardOptions,
  existingLocations?: ExistingLocations,
): CatalogProcessorParser {
  return async function* guardedEntityDataParser({ data, location }) {
    const where = stringifyLocationRef(location);
    const fail = (message: string): CatalogProcessorResult =>
      processingResult.inputError(location, `${where}: ${message}`);

    if (data.length > options.maxFileBytes) {
      yield fail(
        `the file is ${mebibytes(data.length)}, over the ${mebibytes(
          options.maxFileBytes,
        )} limit (catalog.inputGuard.maxFileBytes); move long text to TechDocs or split the file`,
      );
      return;
    }
    const nul = data.indexOf(0);
    if (nul !== -1) {
      yield fail(
        `the file is binary (a NUL byte at offset ${nul}), not YAML; a catalog-info.yaml must be UTF-8 text`,
      );
      return;
    }

    const documents = parseAllDocuments(data.toString('utf8'), {
      merge: false,
      uniqueKeys: true,
    });
    const list = Array.isArray(documents) ? documents : [documents];
    const entities: Entity[] = [];
    for (const [index, document] of list.entries()) {
      const which = list.length > 1 ? `document ${index + 1}` : 'the document';
      // Problems already say "the document ..." or name a field; multi-document files add which one.
      const prefix = list.length > 1 ? `document ${index + 1}: ` : '';
      if (document.errors.length) {
        const error = document.errors[0];
        const deep = /call stack/i.test(error.message);
        yield fail(
          deep
            ? `${which} is nested too deeply to read (catalog.inputGuard.maxDepth is ${options.maxDepth}); flatten the structure`
            : `${which} is not valid YAML: ${error.message.trim()}\nFix the indentation or quoting at that line.`,
        );
        continue;
      }
      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: 100 });
      } catch (e) {
        yield fail(`${which} cannot be read: ${(e as Error).message}`);
        continue;
      }
      if (value === null || value === undefined) {
        continue; // An empty document, e.g. after a trailing "---".
      }
      const problems = inspectDocument(value, options.maxDepth);
      if (problems.length) {
        for (const problem of problems) {
          yield fail(`${prefix}${problem}`);
        }
        continue;
      }
      entities.push(value as Entity);
    }

    let existing = new Map<string, string>();
    if (existingLocations && entities.length) {
      existing = await existingLocations(entities.map(entityRefOf));
    }
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      const elsewhere = existing.get(ref);
      if (elsewhere && elsewhere !== where) {
        yield fail(
          `${ref} is already defined in ${elsewhere}; entity names are unique per kind and namespace: rename this one or remove the other definition`,
        );
        continue;
      }
      yield processingResult.entity(location, entity);
    }
  };
}
