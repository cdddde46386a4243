// What a "stock" run of the backend leaves out (bench/in-house-cost.mjs, bench/scale-idle.mjs): the
// in-house backend plugins and catalog modules of packages/backend/src/index.ts, each swapped for a
// no-op plugin at load time (lib/without-plugin.cjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

// Kept in the stock run: the permission policy (the permission backend needs one; it has no
// background work) and the sign-in provider module (signs nobody in here, runs nothing idle).
const KEPT = new Set([
  '@internal/plugin-permission-backend-module-lighthouse-policy',
  '@internal/plugin-auth-backend-module-lighthouse-oidc-provider',
]);

/** The in-house packages the backend adds, as packages/backend/src/index.ts names them, less KEPT. */
export function inHousePlugins() {
  const index = fs.readFileSync(
    path.join(root, 'packages/backend/src/index.ts'),
    'utf8',
  );
  return [...index.matchAll(/import\('(@internal\/[^']+)'\)/g)]
    .map(m => m[1])
    .filter(name => !KEPT.has(name));
}
