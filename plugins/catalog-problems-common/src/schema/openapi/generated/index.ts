// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/catalog-backend-module-input-guard/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

export * from './client';
