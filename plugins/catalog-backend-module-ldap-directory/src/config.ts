import type { Config } from '@backstage/config';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  DEFAULT_DEPARTED_MARKER_KEY,
  readOwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';
import type { DepartedMarker, DisabledUserRule } from './directoryTransformers';

/** Reads `lighthouse.directory.disabledUser`; undefined when unset. */
export function readDisabledUserRule(
  root: Config,
): DisabledUserRule | undefined {
  const config = root.getOptionalConfig('lighthouse.directory.disabledUser');
  // The production config reads the attribute from LDAP_DISABLED_ATTRIBUTE: unset means off.
  const attribute = config?.getOptionalString('attribute');
  if (!config || !attribute) return undefined;
  const rule = {
    attribute,
    value: config.getOptionalString('value'),
    bitmask: config.getOptionalNumber('bitmask'),
  };
  if (rule.value === undefined && rule.bitmask === undefined) {
    throw new Error(
      "'lighthouse.directory.disabledUser' needs 'value' (e.g. former) or 'bitmask' (e.g. 2 for Active Directory's userAccountControl)",
    );
  }
  return rule;
}

/** The departed marker owner validation and sign-in look for, as an annotation to set. */
export function readDepartedMarker(root: Config): DepartedMarker {
  const { departedMarker } = readOwnerCheckOptions(root);
  return {
    key: departedMarker?.key || DEFAULT_DEPARTED_MARKER_KEY,
    value: departedMarker?.value ?? 'true',
  };
}

/**
 * `catalog.providers.ldapOrg` without the entries whose `target` is unset (the production config
 * reads it from LDAP_URL, so a deployment without a directory starts); their ids are returned
 * so the caller can say that sync is off.
 */
export function selectConfiguredProviders(root: Config): {
  config: Config;
  unset: string[];
} {
  const providers = root.getOptionalConfig('catalog.providers.ldapOrg');
  const configured: JsonObject = {};
  const unset: string[] = [];
  for (const id of providers?.keys() ?? []) {
    const provider = providers!.getConfig(id);
    if (provider.getOptionalString('target')) configured[id] = provider.get();
    else unset.push(id);
  }
  return {
    config: new ConfigReader({
      catalog: { providers: { ldapOrg: configured } },
    }),
    unset,
  };
}
