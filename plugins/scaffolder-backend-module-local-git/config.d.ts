export interface Config {
  scaffolder?: {
    /** Offline repositories: real git repositories in a folder on the portal host. */
    localGit?: {
      /** Folder of the bare repositories and their checkouts, relative to the backend's working directory. Default `../../.data/repositories`. */
      root?: string;
      /** How long local-git:register waits for the new entity in the catalog, in seconds. Default 60. */
      registerTimeoutSeconds?: number;
    };
  };
}
