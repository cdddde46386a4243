// Stands in for a backend plugin left out of a benchmark run (see without-plugin.cjs).
const { createBackendPlugin } = require('@backstage/backend-plugin-api');

module.exports = createBackendPlugin({
  pluginId: 'benchmark-left-out',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
module.exports.default = module.exports;
