export interface Config {
  /** Lighthouse settings. */
  lighthouse?: {
    /** The portal's permission policy. */
    permissions?: {
      /**
       * Users and groups (entity refs, e.g. `group:default/platform`) allowed the admin-only actions:
       * re-evaluating metadata quality and owner validation. Default: `group:default/platform`.
       */
      admins?: string[];
    };
  };
}
