// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/scaffolder-backend-module-local-git/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

export { createOpenApiRouter, documentedPathsOnly, spec } from './router';
