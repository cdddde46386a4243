import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  isLocationEntity,
} from '@backstage/catalog-model';
import type {
  ProcessingProblem,
  ProcessingProblemsResponse,
} from '@internal/plugin-catalog-problems-common';
import { CatalogRefreshState, FailedEntity } from '@internal/backend-catalog-refresh-state';
import { RefusedDocumentsStore } from './RefusedDocumentsStore';

// The guard's messages start with the file they are about.
const FILE_PREFIX = /^((?:url|file):\S+?): /;

/**
 * The file a failed entity's problem is in: named by the guard's error, the file a Location reads
 * (unless it does not exist), or the file holding the entity.
 */
function fileOf(failed: FailedEntity): string | undefined {
  for (const error of failed.errors) {
    const named = FILE_PREFIX.exec(error.message)?.[1];
    if (named) return named;
  }
  const entity = failed.entity;
  // A file that is not there cannot be fixed: the Location file that names it can.
  const missing = failed.errors.some(e => e.name === 'NotFoundError');
  if (
    !missing &&
    entity &&
    isLocationEntity(entity) &&
    typeof entity.spec.target === 'string' &&
    typeof entity.spec.type === 'string'
  ) {
    // A Location's errors are about reading its file, not about the file that lists it.
    return `${entity.spec.type}:${entity.spec.target}`;
  }
  return entity?.metadata?.annotations?.[ANNOTATION_LOCATION];
}

/** Locations the catalog generates for a registration or for each target of a Location. */
function isGenerated(failed: FailedEntity) {
  return /^location:[^/]+\/generated-/.test(failed.entityRef);
}

/**
 * Everything the catalog could not take, one item per entity or refused document, sorted by file:
 * the catalog's processing errors and the documents the guard refused out of files whose other
 * documents were taken. A Location's error that repeats a recorded refusal is listed once.
 */
export async function listProcessingProblems(
  refreshState: CatalogRefreshState,
  refusals: RefusedDocumentsStore,
  page: { limit: number; offset: number },
): Promise<ProcessingProblemsResponse> {
  const [failed, refused] = await Promise.all([
    refreshState.listFailed(),
    refusals.listRegistered(),
  ]);
  const recorded = new Set(refused.map(r => r.message));
  const all: ProcessingProblem[] = [
    ...failed.flatMap(f => {
      const errors = f.errors.filter(e => !recorded.has(e.message));
      if (errors.length === 0) return [];
      const annotations = f.entity?.metadata?.annotations ?? {};
      return [
        {
          entityRef: isGenerated(f) ? undefined : f.entityRef,
          file: fileOf(f),
          location: annotations[ANNOTATION_LOCATION],
          originLocation: annotations[ANNOTATION_ORIGIN_LOCATION],
          errors,
          ingested: f.ingested,
        },
      ];
    }),
    ...refused.map(r => ({
      entityRef: r.entityRef,
      file: r.file,
      location: r.file,
      originLocation: r.originLocation,
      errors: [{ name: 'InputError', message: r.message }],
      ingested: false,
    })),
  ];
  all.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.entityRef ?? '').localeCompare(b.entityRef ?? ''),
  );
  const items = all.slice(page.offset, page.offset + page.limit);
  const ids = await refreshState.locationIds([
    ...new Set(items.flatMap(p => (p.originLocation ? [p.originLocation] : []))),
  ]);
  return {
    totalItems: all.length,
    items: items.map(p => {
      const id = p.originLocation ? ids.get(p.originLocation) : undefined;
      return id ? { ...p, originLocationId: id } : p;
    }),
  };
}
