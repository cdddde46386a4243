/**
 * Shared by the catalog input guard (`GET /api/catalog/processing-problems`) and the Catalog
 * problems page.
 *
 * @packageDocumentation
 */
import { createPermission } from '@backstage/plugin-permission-common';

/** One entity the catalog could not process, with the errors it recorded. */
export interface ProcessingProblem {
  entityRef: string;
  /** Where the entity was read from (`backstage.io/managed-by-location`), when known. */
  location?: string;
  /** The registration it came through (`backstage.io/managed-by-origin-location`), when known. */
  originLocation?: string;
  errors: Array<{ name: string; message: string }>;
  /** True when the catalog still serves the last good version of the entity. */
  ingested: boolean;
}

/** Response of `GET /api/catalog/processing-problems`. */
export interface ProcessingProblemsResponse {
  items: ProcessingProblem[];
  totalItems: number;
}

/** Allows reading the catalog's processing problems. */
export const catalogProcessingProblemsReadPermission = createPermission({
  name: 'catalog.processing-problems.read',
  attributes: { action: 'read' },
});
