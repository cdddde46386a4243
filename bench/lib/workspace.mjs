// The benchmarks are plain Node scripts (`node bench/<name>.mjs`); the workspace packages they use
// are TypeScript sources. Backstage's Node transform, the one `backstage-cli package start` runs
// the backend with, lets them be loaded by package name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');

/** Loads a package of the workspace (or any dependency of @internal/bench) by name. */
export const requireWorkspace = require;
