import { createBackend } from '@backstage/backend-defaults';
import { lighthouseRootHttpRouter } from './rootHttpRouter';

const backend = createBackend();

// Backstage's root HTTP router; successful reads by other backend processes (the plugins' periodic
// passes) are logged at debug, so the development log is not one line every few seconds, and
// plugins calling plugins on this host get uncompressed answers.
backend.add(lighthouseRootHttpRouter);

backend.add(import('@backstage/plugin-app-backend'));
// The event bus: catalog changes reach other plugins (and other replicas) as events.
backend.add(import('@backstage/plugin-events-backend'));

// Auth: guest sign-in for local development only (the provider refuses to start in production);
// OIDC in production, for people with a User entity that is not marked departed.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(
  import('@internal/plugin-auth-backend-module-lighthouse-oidc-provider'),
);

// Catalog, with the Template kind of the scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Each file of a Location is ingested on its own; malformed files get errors naming file and fix,
// listed by GET /api/catalog/processing-problems and the Catalog problems page.
backend.add(import('@internal/plugin-catalog-backend-module-input-guard'));
// ownerValidation.strict: refuse entities whose owner has an error finding (off by default).
backend.add(import('@internal/plugin-catalog-backend-module-owner-validation'));
// Queues changed and deleted entities for metadata quality and owner validation, which re-check
// only those (plugins/catalog-backend-module-catalog-changes).
backend.add(import('@internal/plugin-catalog-backend-module-catalog-changes'));
// Golden paths offline: registers the repositories publish:local-git creates.
backend.add(import('@internal/plugin-catalog-backend-module-local-git'));
// People and teams from the company directory (catalog.providers.ldapOrg, off without a target):
// the stock LDAP provider; disabled users get the departed marker, failed syncs change nothing.
backend.add(import('@internal/plugin-catalog-backend-module-ldap-directory'));
// Users and groups titled with their profile's display name: the page header and About card agree.
backend.add(import('@internal/plugin-catalog-backend-module-profile-titles'));

// Scaffolder, with publishers for GitHub and GitLab when integrations are configured.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// owner:validate, the first step of templates: refuses an owner who left or a team without people.
backend.add(
  import('@internal/plugin-scaffolder-backend-module-owner-validation'),
);
// publish:local-git, local-git:register and golden-path:validate: repositories on this host.
backend.add(import('@internal/plugin-scaffolder-backend-module-local-git'));

// Findings become reviewed changes of catalog-info.yaml: change requests in local git repositories,
// pull and merge requests on GitHub and GitLab (plugins/catalog-fixes-backend/README.md).
backend.add(import('@internal/plugin-catalog-fixes-backend'));

// TechDocs, built locally with the machine's mkdocs.
backend.add(import('@backstage/plugin-techdocs-backend'));
// mkdocs runs on a copy of the docs (a file location's mkdocs.yml is never rewritten) and with no web fonts.
backend.add(
  import('@internal/plugin-techdocs-backend-module-offline-generator'),
);

// Permissions: signed-in users may read and act; entities are refreshed and unregistered by their
// owners and the admins in `lighthouse.permissions.admins`; re-evaluating quality scores and owner
// checks and deleting locations is for the admins; `lighthouse.permissions.restrictedTemplates`
// keeps tagged templates to some groups.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@internal/plugin-permission-backend-module-lighthouse-policy'),
);

// Search on PostgreSQL, over the catalog and TechDocs.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Owner validation: findings about missing, departed or empty owners (issue 5).
backend.add(import('@internal/plugin-owner-validation-backend'));
// Metadata quality: scores catalog entities against rules (issue 4).
backend.add(import('@internal/plugin-metadata-quality-backend'));

// Coding assistants (MCP, Streamable HTTP at /api/mcp-actions/v1): the actions of the plugins in
// backend.actions.pluginSources, answered with the caller's permissions (README, "Coding assistants").
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// who-owns, ownership-problems, quality-of and search-docs.
backend.add(import('@internal/plugin-mcp-actions-backend-module-lighthouse'));

backend.start();
