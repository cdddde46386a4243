import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  confirmedRule,
  DEFAULT_LEVELS,
  DEFAULT_RULES,
  mergeRules,
  parseLevels,
  parseRules,
  QualityLevel,
  QualityRule,
} from '@internal/plugin-metadata-quality-common';

/** The plugin's settings, read once at startup. */
export interface QualityConfig {
  rules: QualityRule[];
  levels: QualityLevel[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  refreshSchedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  buildMissingDocs: boolean;
  verification: {
    /** Days a confirmation by the owners lasts. */
    maxAgeDays: number;
    /** Schedule of the pass notifying owners of lapsing and lapsed confirmations. */
    notifySchedule: SchedulerServiceTaskScheduleDefinition;
  };
  exemptions: {
    /** Days ahead an exemption may end at most. */
    maxDays: number;
  };
  initiatives: {
    /** Days before an initiative's deadline the owners of failing entities are reminded. */
    remindDaysBefore: number[];
  };
}

/** Reads `metadataQuality`; a rule or level that cannot be read throws naming the field. */
export function readQualityConfig(root: Config): QualityConfig {
  const config = root.getOptionalConfig('metadataQuality');
  const configured = parseRules(config?.getOptional('rules'));
  const useDefaults = config?.getOptionalBoolean('defaultRules') ?? true;
  const rawLevels = config?.getOptional('levels');
  const maxAgeDays =
    config?.getOptionalNumber('verification.maxAgeDays') ?? 180;
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1) {
    throw new Error(
      `metadataQuality.verification.maxAgeDays: must be a whole number of days, at least 1`,
    );
  }
  const maxDays = config?.getOptionalNumber('exemptions.maxDays') ?? 90;
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new Error(
      `metadataQuality.exemptions.maxDays: must be a whole number of days, at least 1`,
    );
  }
  const remindDaysBefore = config?.getOptional<number[]>(
    'initiatives.remindDaysBefore',
  ) ?? [14, 3];
  if (
    !Array.isArray(remindDaysBefore) ||
    remindDaysBefore.some(d => !Number.isInteger(d) || d < 1)
  ) {
    throw new Error(
      `metadataQuality.initiatives.remindDaysBefore: must be a list of whole numbers of days, each at least 1`,
    );
  }
  return {
    exemptions: { maxDays },
    initiatives: { remindDaysBefore },
    rules: mergeRules(
      useDefaults ? [...DEFAULT_RULES, confirmedRule(maxAgeDays)] : [],
      configured,
    ),
    levels: rawLevels === undefined ? DEFAULT_LEVELS : parseLevels(rawLevels),
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : {
          frequency: { cron: '0 3 * * *' },
          timeout: { hours: 1 },
        },
    refreshSchedule: config?.has('refreshSchedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('refreshSchedule'),
        )
      : {
          frequency: { seconds: 2 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 10 },
        },
    retentionDays: config?.getOptionalNumber('retentionDays') ?? 90,
    buildMissingDocs:
      config?.getOptionalBoolean('techdocs.buildMissing') ?? true,
    verification: {
      maxAgeDays,
      notifySchedule: config?.has('verification.notifySchedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            config.getConfig('verification.notifySchedule'),
          )
        : {
            frequency: { hours: 1 },
            timeout: { minutes: 5 },
            initialDelay: { minutes: 2 },
          },
    },
  };
}
