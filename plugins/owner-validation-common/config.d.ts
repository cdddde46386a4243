export interface Config {
  ownerValidation?: {
    /** How a departed user is marked; the ownership check and the user pages read it. */
    departedMarker?: {
      /**
       * Annotation or label key; default `lighthouse.acme/departed`.
       * @visibility frontend
       */
      key?: string;
      /**
       * Value meaning departed, compared case-insensitively; default `true`.
       * @visibility frontend
       */
      value?: string;
    };
  };
}
