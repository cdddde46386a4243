import type { Entity } from '@backstage/catalog-model';
import { z as zod } from 'zod/v3';

/** The input naming an entity: a ref, or words of its name or title. */
export const entityInput = (z: typeof zod) =>
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'An entity ref (component:default/payments-service, or just payments-service) or words of its name or title ("payments service")',
    );

/** The failing checks of a quality score, with how to fix each. */
export function failingChecks(score: {
  results: Array<{
    ruleId: string;
    passed: boolean;
    message?: string;
    fix?: string;
  }>;
}) {
  return score.results
    .filter(r => !r.passed)
    .map(r => ({ check: r.ruleId, message: r.message, fix: r.fix }));
}

/** The `{kind}/{namespace}/{name}` path parameters of the in-house APIs' entity routes. */
export function entityPathParams(entity: Entity) {
  return {
    path: {
      kind: entity.kind,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
    },
  };
}
