import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  defaultGroupTransformer,
  defaultUserTransformer,
  GroupTransformer,
  LdapVendor,
  UserTransformer,
} from '@backstage/plugin-catalog-backend-module-ldap';

type LdapEntry = Parameters<UserTransformer>[2];

/** Which directory users count as disabled (`lighthouse.directory.disabledUser`). */
export interface DisabledUserRule {
  attribute: string;
  value?: string;
  bitmask?: number;
}

/** The annotation that marks a user departed (`ownerValidation.departedMarker`). */
export interface DepartedMarker {
  key: string;
  value: string;
}

/** Whether `entry` is disabled by `rule`: an equal value, or a set bit when `bitmask` is given. */
export function isDisabledEntry(
  vendor: LdapVendor,
  entry: LdapEntry,
  rule: DisabledUserRule | undefined,
): boolean {
  if (!rule) return false;
  const values = vendor.decodeStringAttribute(entry, rule.attribute) ?? [];
  if (rule.bitmask !== undefined) {
    return values.some(v => {
      const flags = Number.parseInt(v.trim(), 10);
      // eslint-disable-next-line no-bitwise
      return Number.isInteger(flags) && (flags & rule.bitmask!) !== 0;
    });
  }
  const wanted = rule.value?.trim().toLowerCase();
  return (
    wanted !== undefined && values.some(v => v.trim().toLowerCase() === wanted)
  );
}

function checkName(
  kind: 'User' | 'Group',
  providerId: string,
  nameAttribute: string,
  entry: LdapEntry,
  name: string,
) {
  if (KubernetesValidatorFunctions.isValidObjectName(name)) return;
  const section = kind === 'User' ? 'users' : 'groups';
  throw new InputError(
    `Directory entry '${
      entry.dn
    }' has the ${kind.toLowerCase()} name '${name}' in '${nameAttribute}' (catalog.providers.ldapOrg.${providerId}.${section}.map.name), which is not a valid entity name: use letters, digits and [-_.], at most 63 characters, or leave the entry out with catalog.providers.ldapOrg.${providerId}.${section}.options.filter`,
  );
}

function explainMissingName(
  kind: 'User' | 'Group',
  providerId: string,
  nameAttribute: string,
  entry: LdapEntry,
  error: unknown,
): never {
  if ((error as Error)?.name !== 'InputError') throw error;
  const section = kind === 'User' ? 'users' : 'groups';
  throw new InputError(
    `Directory entry '${entry.dn}' has no '${nameAttribute}' attribute (catalog.providers.ldapOrg.${providerId}.${section}.map.name): give it one, or leave the entry out with catalog.providers.ldapOrg.${providerId}.${section}.options.filter`,
  );
}

/**
 * The stock user transformer, plus: a disabled user gets the departed marker, and an entry
 * without a valid name fails the sync with a message naming the entry and the setting (the
 * stock provider then keeps the catalog as it was, instead of dropping that one person).
 */
export function createDirectoryUserTransformer(options: {
  providerId: string;
  disabledUser?: DisabledUserRule;
  departedMarker: DepartedMarker;
}): UserTransformer {
  return async (vendor, config, entry) => {
    const user = await defaultUserTransformer(vendor, config, entry).catch(
      error =>
        explainMissingName(
          'User',
          options.providerId,
          config.map.name,
          entry,
          error,
        ),
    );
    if (!user) return undefined;
    checkName(
      'User',
      options.providerId,
      config.map.name,
      entry,
      user.metadata.name,
    );
    if (isDisabledEntry(vendor, entry, options.disabledUser)) {
      user.metadata.annotations = {
        ...user.metadata.annotations,
        [options.departedMarker.key]: options.departedMarker.value,
      };
    }
    return user;
  };
}

/** The stock group transformer, with the same name check as users. */
export function createDirectoryGroupTransformer(options: {
  providerId: string;
}): GroupTransformer {
  return async (vendor, config, entry) => {
    const group = await defaultGroupTransformer(vendor, config, entry).catch(
      error =>
        explainMissingName(
          'Group',
          options.providerId,
          config.map.name,
          entry,
          error,
        ),
    );
    if (!group) return undefined;
    checkName(
      'Group',
      options.providerId,
      config.map.name,
      entry,
      group.metadata.name,
    );
    return group;
  };
}
