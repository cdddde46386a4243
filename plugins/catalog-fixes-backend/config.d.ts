export interface Config {
  /** Catalog fixes: findings proposed as changes of catalog-info.yaml (plugins/catalog-fixes-backend). */
  catalogFixes?: {
    /**
     * How long, after a merge, to wait for the catalog to re-read the merged entities before the
     * ownership check runs again regardless; default 60.
     */
    refreshTimeoutSeconds?: number;
  };
}
