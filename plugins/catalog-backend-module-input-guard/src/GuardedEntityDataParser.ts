import { Entity, stringifyLocationRef } from '@backstage/catalog-model';
import {
  CatalogProcessorParser,
  CatalogProcessorResult,
  processingResult,
} from '@backstage/plugin-catalog-node';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  entityRefOf,
  inspectFile,
  type InputGuardOptions,
} from '@internal/plugin-catalog-input-guard-common';
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
    const inspection = inspectFile(data, options);
    if (inspection.fileProblem) {
      await recordRefusals?.(location, []);
      yield fail(whole(inspection.fileProblem));
      return;
    }

    const entities: Array<{ entity: Entity; document: number }> = [];
    const refused: RefusedDocument[] = [];
    for (const {
      document,
      entity,
      entityRef,
      problems,
    } of inspection.documents) {
      if (entity) {
        entities.push({ entity, document });
        continue;
      }
      for (const problem of problems) {
        refused.push({ document, entityRef, message: whole(problem.message) });
      }
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
              inspection.documentCount > 1 ? `document ${document}: ` : ''
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
