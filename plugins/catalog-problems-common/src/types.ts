/** One entity the catalog could not process, with the errors it recorded. */
export interface ProcessingProblem {
  /**
   * The entity the problem is about (lower case), e.g. `group:default/payments`. Absent when the
   * file could not be read as far as an entity: the catalog's generated Location is not named.
   */
  entityRef?: string;
  /**
   * The file the entity or document came from, e.g. `url:https://git.example/org.yaml`: the file
   * to fix, not the Location that lists it.
   */
  file?: string;
  /** Where the entity was read from (`backstage.io/managed-by-location`), when known. */
  location?: string;
  /** The registration it came through (`backstage.io/managed-by-origin-location`), when known. */
  originLocation?: string;
  /** The catalog's id of that registration, for unregistering it. */
  originLocationId?: string;
  errors: Array<{ name: string; message: string }>;
  /** True when the catalog still serves the last good version of the entity. */
  ingested: boolean;
}

/** Response of `GET /api/catalog/processing-problems`. */
export interface ProcessingProblemsResponse {
  items: ProcessingProblem[];
  totalItems: number;
}
