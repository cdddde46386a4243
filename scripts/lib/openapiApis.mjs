// The in-house HTTP APIs: the backend whose src/schema/openapi.yaml is the contract, the package that
// gets the generated client and types (used by the frontend and by other backends). `sharesRoot`: a
// module serving routes under a stock plugin; its router also gets `documentedPathsOnly`.
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
    pluginId: 'catalog-fixes',
    backend: 'plugins/catalog-fixes-backend',
    client: 'plugins/catalog-fixes-common',
    clientName: 'CatalogFixesClient',
  },
  {
    // Served under the catalog's API by the catalog's input-guard module.
    pluginId: 'catalog',
    backend: 'plugins/catalog-backend-module-input-guard',
    client: 'plugins/catalog-problems-common',
    clientName: 'CatalogProblemsClient',
    // Under a stock plugin's root: the generated router is mounted for the document's paths only.
    sharesRoot: true,
  },
  {
    // Served under the scaffolder's API by its local-git module; the name picker of the scaffolder
    // frontend module is its only caller, so the client is generated there.
    pluginId: 'scaffolder',
    backend: 'plugins/scaffolder-backend-module-local-git',
    client: 'plugins/scaffolder-module-local-git',
    clientName: 'GoldenPathNamesClient',
    sharesRoot: true,
  },
];
