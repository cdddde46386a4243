// The in-house HTTP APIs: the backend whose src/schema/openapi.yaml is the contract, the package that
// gets the generated client and types (used by the frontend and by other backends).
export const apis = [
  {
    pluginId: 'metadata-quality',
    backend: 'plugins/metadata-quality-backend',
    client: 'plugins/metadata-quality-common',
    clientName: 'MetadataQualityClient',
  },
  {
    pluginId: 'owner-validation',
    backend: 'plugins/owner-validation-backend',
    client: 'plugins/owner-validation-common',
    clientName: 'OwnerValidationClient',
  },
  {
    // Served under the catalog's API by the catalog's input-guard module.
    pluginId: 'catalog',
    backend: 'plugins/catalog-backend-module-input-guard',
    client: 'plugins/catalog-problems-common',
    clientName: 'CatalogProblemsClient',
  },
];
