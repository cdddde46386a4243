// Stands in for a backend plugin or module left out of a benchmark run (see without-plugin.cjs).
const { createBackendPlugin } = require('@backstage/backend-plugin-api');

/** A plugin that does nothing; each left-out package gets its own id, as the backend wants. */
function noopPlugin(pluginId) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

module.exports = { noopPlugin };
