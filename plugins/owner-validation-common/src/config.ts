import type { Config } from '@backstage/config';
import type { OwnerCheckOptions } from './checkOwners';
import { OWNER_FINDING_TYPES, OwnerFindingType } from './types';

/**
 * Reads the check settings (`ownerValidation.severities` and `ownerValidation.departedMarker`)
 * from the root config, so the backend and the scaffolder action judge owners alike.
 */
export function readOwnerCheckOptions(
  root: Config,
): Pick<OwnerCheckOptions, 'severities' | 'departedMarker'> {
  const config = root.getOptionalConfig('ownerValidation');
  const severities: NonNullable<OwnerCheckOptions['severities']> = {};
  const severityConfig = config?.getOptionalConfig('severities');
  for (const key of severityConfig?.keys() ?? []) {
    if (!(OWNER_FINDING_TYPES as readonly string[]).includes(key)) {
      throw new Error(
        `Unknown finding type 'ownerValidation.severities.${key}'; known: ${OWNER_FINDING_TYPES.join(
          ', ',
        )}`,
      );
    }
    const value = severityConfig!.getString(key);
    if (value !== 'error' && value !== 'warning' && value !== 'off') {
      throw new Error(
        `Invalid 'ownerValidation.severities.${key}': '${value}'; use error, warning or off`,
      );
    }
    severities[key as OwnerFindingType] = value;
  }
  return {
    severities,
    departedMarker: {
      key: config?.getOptionalString('departedMarker.key'),
      value: config?.getOptionalString('departedMarker.value'),
    },
  };
}
