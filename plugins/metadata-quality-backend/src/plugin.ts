import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { metadataQualityPermissions } from '@internal/plugin-metadata-quality-common';
import { readQualityConfig } from './config';
import { DatabaseQualityStore } from './database/DatabaseQualityStore';
import { DatabaseRunStore } from './database/DatabaseRunStore';
import { DatabaseVerificationStore } from './database/DatabaseVerificationStore';
import { ConfirmationNotifier } from './service/ConfirmationNotifier';
import { DatabaseExemptionStore } from './database/DatabaseExemptionStore';
import { ExemptionExpiry } from './service/ExemptionExpiry';
import { DatabaseInitiativeStore } from './database/DatabaseInitiativeStore';
import { InitiativeNotifier } from './service/InitiativeNotifier';
import { CatalogGroupOwnerValidator } from './service/OwnerValidator';
import { OwnerFindingsValidator } from './service/OwnerFindingsValidator';
import { QualityEvaluator } from './service/QualityEvaluator';
import { TechDocsSites } from './service/TechDocsSites';
import { createRouter } from './service/router';
import {
  CatalogChangeConsumer,
  catalogChangesServiceRef,
} from '@internal/backend-catalog-changes';

/** Scores catalog entities against metadata quality rules. */
export const metadataQualityPlugin = createBackendPlugin({
  pluginId: 'metadata-quality',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
        changes: catalogChangesServiceRef,
      },
      async init(deps) {
        const settings = readQualityConfig(deps.config);
        const store = await DatabaseQualityStore.create({
          database: deps.database,
        });
        const runs = new DatabaseRunStore(await deps.database.getClient());
        const verification = new DatabaseVerificationStore(
          await deps.database.getClient(),
        );
        const exemptions = new DatabaseExemptionStore(
          await deps.database.getClient(),
        );
        const initiatives = new DatabaseInitiativeStore(
          await deps.database.getClient(),
        );
        const evaluator = new QualityEvaluator({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          runs,
          logger: deps.logger,
          rules: settings.rules,
          levels: settings.levels,
          ownerValidator: new OwnerFindingsValidator({
            auth: deps.auth,
            discovery: deps.discovery,
            logger: deps.logger,
            fallback: new CatalogGroupOwnerValidator(),
          }),
          docsSites: new TechDocsSites({
            auth: deps.auth,
            discovery: deps.discovery,
            logger: deps.logger,
            buildMissing: settings.buildMissingDocs,
          }),
          verification,
          exemptions,
          initiatives,
          retentionDays: settings.retentionDays,
        });
        const confirmationNotifier = new ConfirmationNotifier({
          store: verification,
          notifications: deps.notifications,
          logger: deps.logger,
          maxAgeDays: settings.verification.maxAgeDays,
        });
        const exemptionExpiry = new ExemptionExpiry({
          exemptions,
          scores: store,
          notifications: deps.notifications,
          logger: deps.logger,
          rescore: refs => evaluator.evaluateEntities(refs),
        });

        const initiativeNotifier = new InitiativeNotifier({
          store: initiatives,
          notifications: deps.notifications,
          logger: deps.logger,
          remindDaysBefore: settings.initiatives.remindDaysBefore,
        });

        deps.permissionsRegistry.addPermissions(metadataQualityPermissions);

        await deps.scheduler.scheduleTask({
          id: 'metadata-quality-full-evaluation',
          ...settings.schedule,
          scope: 'global',
          fn: async () => {
            await evaluator.evaluateAll('schedule');
          },
        });
        // Changed entities come from the catalog change queue: each change to one replica, the
        // cost follows the changes, and the full evaluation above is the nightly safety net.
        const consumer = await CatalogChangeConsumer.register({
          changes: deps.changes,
          consumer: 'metadata-quality',
          logger: deps.logger,
          handle: async batch => {
            const result = await evaluator.evaluateChanges(batch);
            if (result.evaluated || result.removed) {
              deps.logger.info(
                `Re-scored ${result.evaluated} changed entities, removed ${result.removed}`,
              );
            }
            return result;
          },
        });
        await deps.scheduler.scheduleTask({
          id: 'metadata-quality-refresh-changed',
          ...settings.refreshSchedule,
          // Local: each replica drains the queue, claims keep a change to one of them, and the
          // scheduler polls global tasks only every 5 s, half the budget for a changed entity's score.
          scope: 'local',
          fn: async () => {
            await consumer.drain();
            await evaluator.evaluateFinishedDocs();
            await evaluator.refreshSummariesIfDue();
          },
        });

        await deps.scheduler.scheduleTask({
          id: 'metadata-quality-confirmation-notices',
          ...settings.verification.notifySchedule,
          scope: 'global',
          fn: async () => {
            await confirmationNotifier.notifyDue();
            await exemptionExpiry.expireEnded();
            await initiativeNotifier.notifyDue();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store,
            runs,
            rules: settings.rules,
            levels: settings.levels,
            evaluate: () => evaluator.evaluateAll('manual'),
            verification: {
              store: verification,
              catalog: deps.catalog,
              rescore: refs => evaluator.evaluateEntities(refs),
              exemptions,
              exemptionMaxDays: settings.exemptions.maxDays,
              notifications: deps.notifications,
              logger: deps.logger,
            },
            initiatives: {
              store: initiatives,
              evaluateSoon: () => evaluator.evaluateAllSoon(),
            },
          }),
        );
      },
    });
  },
});
