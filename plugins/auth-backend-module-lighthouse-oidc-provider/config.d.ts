export interface Config {
  /** Lighthouse settings. */
  lighthouse?: {
    /** Sign-in. */
    signIn?: {
      /** The `oidc` provider. */
      oidc?: {
        /**
         * Accept the email of a provider that sends no `email_verified` claim (Entra ID); an
         * explicit `email_verified: false` is still refused. Only for providers whose emails
         * administrators control. Default false.
         */
        acceptEmailWithoutVerifiedClaim?: boolean;
      };
    };
  };
}
