export interface Config {
  catalog?: {
    /** Registration of the local git repositories (scaffolder.localGit.root). */
    localGit?: {
      /** How often every checkout is rescanned, in seconds, besides the scaffolder's signal. Default 30. */
      refreshSeconds?: number;
    };
  };
}
