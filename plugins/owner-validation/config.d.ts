export interface Config {
  /** Settings of the Lighthouse portal's own pages. */
  lighthouse?: {
    /** The Register existing component page. */
    register?: {
      /**
       * An example catalog-info.yaml URL that this portal can read, shown on the page. Default: a
       * file on the first host under `integrations`, or none (the page then says so).
       * @visibility frontend
       */
      exampleUrl?: string;
    };
  };
}
