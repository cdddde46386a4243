import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import type { ParsedEntity } from './checkInput';
import { Finding } from './types';

// The catalog's own policies and the kinds this portal's catalog handles (the built-in kinds and
// the scaffolder's Template), so a file that passes here is not refused by the catalog's validation.
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];
const KNOWN_KINDS =
  'API, Component, Domain, Group, Location, Resource, System, User, Template';

/**
 * The field an error of the catalog's validators names: a JSON pointer (`/spec/owner`) or a
 * quoted dotted path (`"metadata.name"`, or `"tags.0"` for a field of metadata).
 */
export function fieldOf(
  message: string,
  entity: Entity,
): Array<string | number> | undefined {
  const pointer = message.match(/(?:^|\s)\/((?:[\w.~-]+\/?)+)/);
  const dotted = message.match(/"([\w-]+(?:\.[\w-]+)*)"/);
  const parts = pointer
    ? pointer[1]
        .split('/')
        .filter(Boolean)
        .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    : dotted?.[1].split('.');
  if (!parts) return undefined;
  const path = parts.map(p => (/^\d+$/.test(p) ? Number(p) : p));
  const root = [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
    'relations',
    'status',
  ];
  return root.includes(String(path[0])) || !(entity.metadata as object)
    ? path
    : ['metadata', ...path];
}

/**
 * The catalog's validation of one entity (envelope, field formats, the kind's schema), as the
 * catalog would refuse it; each finding placed at the field it names when it names one.
 */
export async function checkSchema(
  file: string,
  parsed: ParsedEntity,
): Promise<Finding[]> {
  const entity = structuredClone(parsed.entity) as Entity;
  const finding = (
    message: string,
    field = fieldOf(message, parsed.entity as Entity),
  ): Finding => {
    const at = (field && parsed.locate(field)) ?? { line: parsed.line };
    return {
      file,
      ...at,
      severity: 'error',
      check: 'schema',
      ...(parsed.entityRef ? { entityRef: parsed.entityRef } : {}),
      message,
    };
  };
  try {
    await policy.enforce(entity);
  } catch (error) {
    return [finding((error as Error).message)];
  }
  for (const validator of kindValidators) {
    try {
      if (await validator.check(entity)) return [];
    } catch (error) {
      return [finding((error as Error).message)];
    }
  }
  return [
    finding(
      `kind '${entity.kind}' with apiVersion '${entity.apiVersion}' is not one the catalog handles: use one of ${KNOWN_KINDS} (Template is scaffolder.backstage.io/v1beta3, the others backstage.io/v1alpha1)`,
      ['kind'],
    ),
  ];
}
