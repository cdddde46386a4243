import { CHECK_TYPES, QualityCheck, QualityLevel, QualityRule } from './types';

/** A rule or level in config that cannot be read; the message names the field. */
export class QualityConfigError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'QualityConfigError';
  }
}

type Obj = Record<string, unknown>;

function object(value: unknown, field: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new QualityConfigError(field, 'must be an object');
  }
  return value as Obj;
}

function string(obj: Obj, key: string, field: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new QualityConfigError(
      `${field}.${key}`,
      'must be a non-empty string',
    );
  }
  return value;
}

function optionalString(obj: Obj, key: string, field: string) {
  return obj[key] === undefined ? undefined : string(obj, key, field);
}

function stringList(obj: Obj, key: string, field: string) {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new QualityConfigError(
      `${field}.${key}`,
      'must be a list of strings',
    );
  }
  return value as string[];
}

function number(obj: Obj, key: string, field: string, min: number): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new QualityConfigError(
      `${field}.${key}`,
      `must be a number of at least ${min}`,
    );
  }
  return value;
}

function regex(obj: Obj, key: string, field: string): string | undefined {
  const value = optionalString(obj, key, field);
  if (value === undefined) return undefined;
  try {
    RegExp(value);
  } catch (e) {
    throw new QualityConfigError(
      `${field}.${key}`,
      `is not a regular expression: ${(e as Error).message}`,
    );
  }
  return value;
}

/** Reads one check; throws naming the field. */
export function parseCheck(raw: unknown, field: string): QualityCheck {
  const obj = object(raw, field);
  const type = obj.type;
  if (
    typeof type !== 'string' ||
    !(CHECK_TYPES as readonly string[]).includes(type)
  ) {
    throw new QualityConfigError(
      `${field}.type`,
      `unknown check type '${String(type)}'; use one of ${CHECK_TYPES.join(
        ', ',
      )}`,
    );
  }
  switch (type as QualityCheck['type']) {
    case 'fieldPresent':
      return { type: 'fieldPresent', path: string(obj, 'path', field) };
    case 'fieldMatches': {
      const path = string(obj, 'path', field);
      const pattern = regex(obj, 'pattern', field);
      const oneOf = stringList(obj, 'oneOf', field);
      if (!pattern && !oneOf) {
        throw new QualityConfigError(field, "needs 'pattern' or 'oneOf'");
      }
      return {
        type: 'fieldMatches',
        path,
        ...(pattern ? { pattern } : {}),
        ...(oneOf ? { oneOf } : {}),
      };
    }
    case 'annotationPresent':
      return {
        type: 'annotationPresent',
        annotation: string(obj, 'annotation', field),
      };
    case 'relationPresent':
      return {
        type: 'relationPresent',
        relation: string(obj, 'relation', field),
      };
    case 'systemPresent':
      return { type: 'systemPresent' };
    case 'ownerValid':
      return { type: 'ownerValid' };
    case 'techdocsPresent': {
      const built = obj.built;
      if (built !== undefined && typeof built !== 'boolean') {
        throw new QualityConfigError(`${field}.built`, 'must be true or false');
      }
      return { type: 'techdocsPresent', ...(built ? { built } : {}) };
    }
    case 'linkPresent':
      return {
        type: 'linkPresent',
        match: regex(obj, 'match', field) ?? string(obj, 'match', field),
      };
    case 'freshness': {
      const annotation = optionalString(obj, 'annotation', field);
      return {
        type: 'freshness',
        maxAgeDays: number(obj, 'maxAgeDays', field, 1),
        ...(annotation ? { annotation } : {}),
      };
    }
    case 'confirmed':
      return {
        type: 'confirmed',
        maxAgeDays: number(obj, 'maxAgeDays', field, 1),
      };
    default:
      throw new QualityConfigError(
        `${field}.type`,
        `unknown check type '${type}'`,
      );
  }
}

/** Reads one rule; throws naming the field. */
export function parseRule(raw: unknown, field: string): QualityRule {
  const obj = object(raw, field);
  const id = string(obj, 'id', field);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new QualityConfigError(
      `${field}.id`,
      `'${id}' must be lowercase letters, digits and dashes`,
    );
  }
  let appliesTo: QualityRule['appliesTo'];
  if (obj.appliesTo !== undefined) {
    const a = object(obj.appliesTo, `${field}.appliesTo`);
    const known = ['kinds', 'types', 'lifecycles'];
    const unknown = Object.keys(a).find(k => !known.includes(k));
    if (unknown) {
      throw new QualityConfigError(
        `${field}.appliesTo.${unknown}`,
        `unknown key; use one of ${known.join(', ')}`,
      );
    }
    appliesTo = {
      kinds: stringList(a, 'kinds', `${field}.appliesTo`),
      types: stringList(a, 'types', `${field}.appliesTo`),
      lifecycles: stringList(a, 'lifecycles', `${field}.appliesTo`),
    };
  }
  if (obj.check === undefined) {
    throw new QualityConfigError(`${field}.check`, 'is required');
  }
  const description = optionalString(obj, 'description', field);
  return {
    id,
    title: string(obj, 'title', field),
    ...(description ? { description } : {}),
    ...(appliesTo ? { appliesTo } : {}),
    check: parseCheck(obj.check, `${field}.check`),
    weight: number(obj, 'weight', field, 0),
    howToFix: string(obj, 'howToFix', field),
  };
}

/** Reads a list of rules (`metadataQuality.rules`); ids must be unique. */
export function parseRules(
  raw: unknown,
  field = 'metadataQuality.rules',
): QualityRule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw new QualityConfigError(field, 'must be a list');
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const rule = parseRule(item, `${field}[${i}]`);
    if (seen.has(rule.id)) {
      throw new QualityConfigError(
        `${field}[${i}].id`,
        `duplicate rule id '${rule.id}'`,
      );
    }
    seen.add(rule.id);
    return rule;
  });
}

/** Reads levels (`metadataQuality.levels`), sorted by minimum score. */
export function parseLevels(
  raw: unknown,
  field = 'metadataQuality.levels',
): QualityLevel[] {
  if (!Array.isArray(raw))
    throw new QualityConfigError(field, 'must be a list');
  return raw
    .map((item, i) => {
      const obj = object(item, `${field}[${i}]`);
      const minScore = number(obj, 'minScore', `${field}[${i}]`, 0);
      if (minScore > 100) {
        throw new QualityConfigError(
          `${field}[${i}].minScore`,
          'must be at most 100',
        );
      }
      return { name: string(obj, 'name', `${field}[${i}]`), minScore };
    })
    .sort((a, b) => a.minScore - b.minScore);
}

/** Defaults (unless excluded) with configured rules added; a configured rule replaces a default of the same id. */
export function mergeRules(
  defaults: QualityRule[],
  configured: QualityRule[],
): QualityRule[] {
  const byId = new Map(defaults.map(r => [r.id, r]));
  for (const rule of configured) byId.set(rule.id, rule);
  return [...byId.values()];
}
