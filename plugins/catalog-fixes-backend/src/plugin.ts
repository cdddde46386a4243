import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { serviceClientOptions } from '@internal/openapi-client';
import { catalogFixesPermissions } from '@internal/plugin-catalog-fixes-common';
import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { LocalGitRepositories } from '@internal/plugin-scaffolder-backend-module-local-git';
import { DatabaseChangeRequestStore } from './database/DatabaseChangeRequestStore';
import { DatabaseHandoverStore } from './database/DatabaseHandoverStore';
import { ChangeOpener } from './service/ChangeOpener';
import { HandoverAcceptance } from './service/HandoverAcceptance';
import { HandoverSync } from './service/HandoverSync';
import { committerOf } from './service/committerOf';
import { FixEdits } from './service/FixEdits';
import { FixProposals } from './service/FixProposals';
import { LocalGitChanges } from './service/LocalGitChanges';
import { MergeFollowUp } from './service/MergeFollowUp';
import { RemoteChanges } from './service/RemoteChanges';
import { createRouter } from './service/router';
import { resolveSource } from './service/sources';

/** Turns findings into reviewed changes of catalog-info.yaml: previews, change requests, merges. */
export const catalogFixesPlugin = createBackendPlugin({
  pluginId: 'catalog-fixes',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(catalogFixesPermissions);
        const store = await DatabaseChangeRequestStore.create({
          database: deps.database,
        });
        const handovers = await DatabaseHandoverStore.create({
          database: deps.database,
        });
        const clientOptions = (targetPluginId: string) =>
          serviceClientOptions({
            auth: deps.auth,
            discovery: deps.discovery,
            targetPluginId,
          });
        const ownerValidation = new OwnerValidationClient(
          clientOptions(OwnerValidationClient.pluginId),
        );
        const fixEdits = new FixEdits({
          ownerValidation,
          metadataQuality: new MetadataQualityClient(
            clientOptions(MetadataQualityClient.pluginId),
          ),
        });
        const integrations = ScmIntegrations.fromConfig(deps.config);
        const localGit = new LocalGitChanges(
          LocalGitRepositories.fromConfig(deps.config),
        );
        const opener = new ChangeOpener({
          store,
          localGit,
          remote: new RemoteChanges(integrations),
          resolveSource: entity =>
            resolveSource(entity, {
              locateLocalGit: file => localGit.locate(file),
              integrations,
            }),
        });
        const followUp = new MergeFollowUp({
          catalog: deps.catalog,
          auth: deps.auth,
          ownerValidation,
          logger: deps.logger,
          timeoutMs:
            (deps.config.getOptionalNumber(
              'catalogFixes.refreshTimeoutSeconds',
            ) ?? 60) * 1000,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store,
            committerOf: ref => committerOf(ref, deps.catalog, deps.auth),
            proposals: credentials =>
              new FixProposals({
                store,
                fixEdits,
                localGit,
                opener,
                getEntity: ref =>
                  deps.catalog.getEntityByRef(ref, { credentials }),
                onMerged: refs => followUp.start(refs),
              }),
            handovers: {
              userInfo: deps.userInfo,
              store: handovers,
              acceptance: credentials =>
                new HandoverAcceptance({
                  store: handovers,
                  opener,
                  getEntities: async refs =>
                    (
                      await deps.catalog.getEntitiesByRefs(
                        { entityRefs: refs },
                        { credentials },
                      )
                    ).items.map(e => e ?? undefined),
                  isGroup: async ref =>
                    (
                      await deps.catalog.getEntityByRef(ref, {
                        credentials: await deps.auth.getOwnServiceCredentials(),
                      })
                    )?.kind.toLocaleLowerCase('en-US') === 'group',
                }),
            },
          }),
        );

        const sync = new HandoverSync({
          store: handovers,
          ownerValidation,
          catalog: deps.catalog,
          auth: deps.auth,
          sourceOf: entity => opener.sourceOf(entity),
          notifications: deps.notifications,
          logger: deps.logger,
        });
        const schedule = deps.config.getOptionalConfig(
          'catalogFixes.handovers.schedule',
        );
        await deps.scheduler.scheduleTask({
          id: 'catalog-fixes-handovers',
          // One replica at a time opens handovers and notifies.
          scope: 'global',
          ...(schedule
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
            : {
                frequency: { seconds: 30 },
                timeout: { minutes: 2 },
                initialDelay: { seconds: 20 },
              }),
          fn: async () => {
            await sync.run();
          },
        });
      },
    });
  },
});
