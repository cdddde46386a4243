// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-fixes-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

export { createOpenApiRouter, spec } from './router';
