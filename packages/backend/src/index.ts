import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
// The event bus: catalog changes reach other plugins (and other replicas) as events.
backend.add(import('@backstage/plugin-events-backend'));

// Auth: guest sign-in for local development only (the provider refuses to start in production).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with the Template kind of the scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Golden paths offline: registers the repositories publish:local-git creates.
backend.add(import('@internal/plugin-catalog-backend-module-local-git'));

// Scaffolder, with publishers for GitHub and GitLab when integrations are configured.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// publish:local-git, local-git:register and golden-path:validate: repositories on this host.
backend.add(import('@internal/plugin-scaffolder-backend-module-local-git'));

// TechDocs, built locally with the machine's mkdocs.
backend.add(import('@backstage/plugin-techdocs-backend'));

// Permissions. TODO(issue 6): replace allow-all with the portal's own policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search on PostgreSQL, over the catalog and TechDocs.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
