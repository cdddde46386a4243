import type { Config } from '@backstage/config';
import {
  defaultInputGuardOptions,
  type InputGuardOptions,
} from '@internal/plugin-catalog-input-guard-common';

/** Reads `catalog.inputGuard`, refusing values that would switch the guard off. */
export function readInputGuardOptions(config: Config): InputGuardOptions {
  const read = (key: keyof InputGuardOptions) => {
    const value = config.getOptionalNumber(`catalog.inputGuard.${key}`);
    if (value === undefined) {
      return defaultInputGuardOptions[key];
    }
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `catalog.inputGuard.${key}: must be a whole number above 0, got ${value}; remove it to use the default ${defaultInputGuardOptions[key]}`,
      );
    }
    return value;
  };
  return { maxFileBytes: read('maxFileBytes'), maxDepth: read('maxDepth') };
}
