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
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import { parseAllDocuments } from 'yaml';
import { inspectDocument } from './inspectDocument';
import { InputGuardOptions } from './options';
import type { RefusedDocument } from './RefusedDocumentsStore';

/**
 * Looks up where the catalog already has the given entities from: entity ref (lowercase) to the
 * location key (`url:` or `file:` and the file) the catalog holds it under. Refs the catalog does
 * not have are left out.
 */
export type ExistingLocations = (
  entityRefs: string[],
) => Promise<Map<string, string>>;

/** Records the documents of a file the guard refused; called on every read, `[]` when none. */
export type RecordRefusals = (
  location: LocationSpec,
  refused: RefusedDocument[],
) => Promise<void>;

function mebibytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function entityRefOf(entity: Entity) {
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/** The ref a document would define, if it has a kind and a name, however broken the rest is. */
function declaredRefOf(value: unknown): string | undefined {
  const doc = value as Partial<Entity> | null;
  if (
    typeof doc?.kind !== 'string' ||
    typeof doc.metadata?.name !== 'string' ||
    (doc.metadata.namespace !== undefined &&
      typeof doc.metadata.namespace !== 'string')
  ) {
    return undefined;
  }
  return entityRefOf(doc as Entity);
}

/**
 * The catalog's entity data parser with guard rails: a size limit, binary files refused, and for
 * every YAML or shape problem an error that names the file, the document, the field and the fix.
 * An entity that another location already defines is refused with both locations named.
 *
 * A refused document costs only itself: the file's other entities are emitted, and the refused
 * documents go to `recordRefusals` (the catalog fails every entity of a location that reports an
 * error). When nothing in the file can be taken, the errors are reported on the location as well,
 * as the catalog would, so a dry run (the Register page) shows them.
 */
export function createGuardedEntityDataParser(
  options: InputGuardOptions,
  hooks: {
    existingLocations?: ExistingLocations;
    recordRefusals?: RecordRefusals;
  } = {},
): CatalogProcessorParser {
  const { existingLocations, recordRefusals } = hooks;
  return async function* guardedEntityDataParser({ data, location }) {
    const where = stringifyLocationRef(location);
    const fail = (message: string): CatalogProcessorResult =>
      processingResult.inputError(location, message);

    const whole = (message: string) => `${where}: ${message}`;
    if (data.length > options.maxFileBytes) {
      await recordRefusals?.(location, []);
      yield fail(
        whole(
          `the file is ${mebibytes(data.length)}, over the ${mebibytes(
            options.maxFileBytes,
          )} limit (catalog.inputGuard.maxFileBytes); move long text to TechDocs or split the file`,
        ),
      );
      return;
    }
    const nul = data.indexOf(0);
    if (nul !== -1) {
      await recordRefusals?.(location, []);
      yield fail(
        whole(
          `the file is binary (a NUL byte at offset ${nul}), not YAML; a catalog-info.yaml must be UTF-8 text`,
        ),
      );
      return;
    }

    const documents = parseAllDocuments(data.toString('utf8'), {
      merge: false,
      uniqueKeys: true,
    });
    const list = Array.isArray(documents) ? documents : [documents];
    const entities: Array<{ entity: Entity; document: number }> = [];
    const refused: RefusedDocument[] = [];
    for (const [index, document] of list.entries()) {
      const which = list.length > 1 ? `document ${index + 1}` : 'the document';
      // Problems already say "the document ..." or name a field; multi-document files add which one.
      const prefix = list.length > 1 ? `document ${index + 1}: ` : '';
      const refuse = (message: string, entityRef?: string) =>
        refused.push({
          document: index + 1,
          entityRef,
          message: whole(message),
        });
      if (document.errors.length) {
        const error = document.errors[0];
        const deep = /call stack/i.test(error.message);
        let partial: unknown;
        try {
          partial = document.toJS({ maxAliasCount: 100 });
        } catch {
          // Too broken to tell what it defines.
        }
        refuse(
          deep
            ? `${which} is nested too deeply to read (catalog.inputGuard.maxDepth is ${options.maxDepth}); flatten the structure`
            : `${which} is not valid YAML: ${error.message.trim()}\nFix the indentation or quoting at that line.`,
          deep ? undefined : declaredRefOf(partial),
        );
        continue;
      }
      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: 100 });
      } catch (e) {
        refuse(`${which} cannot be read: ${(e as Error).message}`);
        continue;
      }
      if (value === null || value === undefined) {
        continue; // An empty document, e.g. after a trailing "---".
      }
      const problems = inspectDocument(value, options.maxDepth);
      if (problems.length) {
        for (const problem of problems) {
          refuse(`${prefix}${problem}`, declaredRefOf(value));
        }
        continue;
      }
      entities.push({ entity: value as Entity, document: index + 1 });
    }

    let existing = new Map<string, string>();
    if (existingLocations && entities.length) {
      existing = await existingLocations(
        entities.map(e => entityRefOf(e.entity)),
      );
    }
    const taken: Entity[] = [];
    for (const { entity, document } of entities) {
      const ref = entityRefOf(entity);
      const elsewhere = existing.get(ref);
      if (elsewhere && elsewhere !== where) {
        refused.push({
          document,
          entityRef: ref,
          message: whole(
            `${
              list.length > 1 ? `document ${document}: ` : ''
            }${ref} is already defined in ${elsewhere}; entity names are unique per kind and namespace: rename this one or remove the other definition`,
          ),
        });
        continue;
      }
      taken.push(entity);
    }

    await recordRefusals?.(location, refused);
    if (taken.length === 0) {
      for (const r of refused) {
        yield fail(r.message);
      }
      return;
    }
    for (const entity of taken) {
      yield processingResult.entity(location, entity);
    }
  };
}
