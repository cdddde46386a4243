export interface Config {
  lighthouse?: {
    /**
     * The company directory, read by the stock LDAP entity provider (`catalog.providers.ldapOrg`).
     */
    directory?: {
      /**
       * Which directory users have left while their entry remains. They are ingested with the
       * departed marker (`ownerValidation.departedMarker`): their name still shows, owner
       * validation reports them as gone and sign-in refuses them. Unset: nobody is disabled.
       */
      disabledUser?: {
        /** The LDAP attribute to read, e.g. `userAccountControl` (Active Directory) or `employeeType`; unset: off. */
        attribute?: string;
        /** The user is disabled when any value of the attribute equals this (any case), e.g. `former`. */
        value?: string;
        /**
         * The user is disabled when the attribute, read as an integer, has any of these bits set,
         * e.g. `2` (Active Directory's ACCOUNTDISABLE flag). Used instead of `value` when given.
         */
        bitmask?: number;
      };
    };
  };
}
