import { ServedQualityRule } from '@internal/plugin-metadata-quality-common';

/** Rules by id. */
export function rulesById(
  rules: ServedQualityRule[],
): Map<string, ServedQualityRule> {
  return new Map(rules.map(r => [r.id, r]));
}
