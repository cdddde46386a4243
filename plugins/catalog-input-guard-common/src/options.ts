/** The limits of the input guard (`catalog.inputGuard` in app-config). */
export interface InputGuardOptions {
  maxFileBytes: number;
  maxDepth: number;
}

/** The limits the portal applies when `catalog.inputGuard` sets none. */
export const defaultInputGuardOptions: InputGuardOptions = {
  maxFileBytes: 2 * 1024 * 1024,
  maxDepth: 32,
};
