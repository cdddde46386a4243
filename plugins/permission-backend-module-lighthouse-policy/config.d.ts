export interface Config {
  /** Lighthouse settings. */
  lighthouse?: {
    /** The portal's permission policy (see this plugin's README). */
    permissions?: {
      /**
       * Users and groups (entity refs, e.g. `group:default/platform`) allowed the admin-only actions
       * (re-evaluating metadata quality and owner validation, deleting catalog locations) and every
       * entity's refresh and unregister. Default: `group:default/platform`.
       */
      admins?: string[];
      /**
       * Template tags only some users and groups may use: Template entities carrying the tag, and
       * template parameters and steps with the tag in `backstage:permissions.tags`, are visible and
       * runnable only by the `allow` list and the admins. Default: none.
       */
      restrictedTemplates?: Array<{
        /** A `metadata.tags` value (lower case, as the catalog requires), e.g. `platform-only`. */
        tag: string;
        /** Users and groups (entity refs) who may see and run such templates, e.g. `group:default/platform`. */
        allow: string[];
      }>;
    };
  };
}
