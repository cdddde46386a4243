import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  OwnerFindingSeveritySetting,
  OwnerFindingType,
  parseOwnerRef,
  readOwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';

/** The plugin's settings, read from `ownerValidation`. */
export interface OwnerValidationConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  changesSchedule: SchedulerServiceTaskScheduleDefinition;
  severities: Partial<Record<OwnerFindingType, OwnerFindingSeveritySetting>>;
  departedMarker: { key?: string; value?: string };
  notify: { enabled: boolean; fallbackGroup?: string };
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { cron: '30 3 * * *' },
  timeout: { hours: 1 },
};

const DEFAULT_CHANGES_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 2 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 10 },
};

/** Reads and validates the `ownerValidation` config. */
export function readOwnerValidationConfig(root: Config): OwnerValidationConfig {
  const config = root.getOptionalConfig('ownerValidation');
  const schedule = config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  const changesSchedule = config?.has('changesSchedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('changesSchedule'),
      )
    : DEFAULT_CHANGES_SCHEDULE;

  const { severities = {}, departedMarker = {} } = readOwnerCheckOptions(root);

  const fallback = config?.getOptionalString('notify.fallbackGroup');
  const fallbackGroup = fallback ? parseOwnerRef(fallback)?.ref : undefined;
  if (fallback && !fallbackGroup) {
    throw new Error(
      `Invalid 'ownerValidation.notify.fallbackGroup': '${fallback}' is not an entity reference`,
    );
  }

  return {
    schedule,
    changesSchedule,
    severities,
    departedMarker,
    notify: {
      enabled: config?.getOptionalBoolean('notify.enabled') ?? true,
      fallbackGroup,
    },
  };
}
