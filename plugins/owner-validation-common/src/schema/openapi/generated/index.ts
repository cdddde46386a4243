// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *
// * From plugins/owner-validation-backend/src/schema/openapi.yaml: run `scripts/portal openapi`.
// ******************************************************************

export * from './client';
