module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // Written by `scripts/portal openapi` from the backend's OpenAPI document.
  ignorePatterns: ['src/schema/openapi/generated/'],
});
