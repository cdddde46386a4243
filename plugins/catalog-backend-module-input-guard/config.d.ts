export interface Config {
  catalog?: {
    /** Limits the catalog's input guard applies to every catalog-info.yaml it reads. */
    inputGuard?: {
      /** Largest file the catalog reads, in bytes. Default 2097152 (2 MiB). */
      maxFileBytes?: number;
      /** Deepest nesting of mappings and lists in one entity. Default 32. */
      maxDepth?: number;
    };
  };
}
