export interface Config {
  /** Lighthouse settings. */
  lighthouse?: {
    /** The sign-in page. */
    signIn?: {
      /**
       * Providers the sign-in page offers, in order: `guest` (local development) and `oidc`
       * (production). Default: `[guest]`.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'oidc'>;
    };
  };
}
