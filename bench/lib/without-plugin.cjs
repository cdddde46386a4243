// Loaded with `node --require` by a benchmark: the backend package named by BENCH_WITHOUT_PLUGIN
// resolves to a plugin that does nothing, so a run measures the portal without it. Production
// code is not touched.
const { registerHooks } = require('node:module');
const path = require('node:path');

const left = process.env.BENCH_WITHOUT_PLUGIN;
const stub = path.join(__dirname, 'noop-plugin.cjs');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (left && specifier === left) {
      return nextResolve(stub, context);
    }
    return nextResolve(specifier, context);
  },
});
