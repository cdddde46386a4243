import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createOwnerChecker,
  FINDING_TYPE_TITLES,
  OwnerCheckOptions,
  parseOwnerRef,
} from '@internal/plugin-owner-validation-common';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'metadata.labels',
  'spec.memberOf',
  'spec.parent',
  'spec.children',
  'spec.members',
  'relations',
];

/**
 * Creates the `owner:validate` action: fails the task, before any side effect, when the owner
 * would be reported by the ownership check as an error. Warnings are logged.
 */
export function createValidateOwnerAction(options: {
  catalog: CatalogService;
  checkOptions: Pick<OwnerCheckOptions, 'severities' | 'departedMarker'>;
}) {
  const { catalog, checkOptions } = options;
  return createTemplateAction({
    id: 'owner:validate',
    description:
      'Checks that the owner of the entity to create exists, is a group with members, and has not left',
    supportsDryRun: true,
    schema: {
      input: {
        owner: z =>
          z.string({ description: 'The owner, e.g. group:default/payments' }),
        namespace: z =>
          z
            .string({
              description:
                'Namespace of the entity to create; short owners resolve in it',
            })
            .optional(),
      },
      output: {
        ownerRef: z =>
          z.string({ description: 'The owner as a full entity ref' }),
      },
    },
    async handler(ctx) {
      const { owner } = ctx.input;
      const namespace = ctx.input.namespace || 'default';
      const credentials = await ctx.getInitiatorCredentials();

      const org: Entity[] = [];
      for await (const page of catalog.streamEntities(
        {
          filter: { kind: ['User', 'Group'] },
          fields: FIELDS,
        },
        { credentials },
      )) {
        org.push(...page);
      }

      const finding = createOwnerChecker(org, checkOptions).checkOwner(
        owner,
        namespace,
      );
      if (finding?.severity === 'error') {
        const suggestion = finding.suggestedOwner
          ? ` Suggested owner: '${finding.suggestedOwner}'.`
          : '';
        throw new InputError(
          `Invalid owner '${owner}': ${FINDING_TYPE_TITLES[finding.type]}. ${
            finding.message
          }.${suggestion}`,
        );
      }
      if (finding) {
        ctx.logger.warn(
          `Owner '${owner}': ${finding.message}${
            finding.suggestedOwner
              ? `; consider '${finding.suggestedOwner}'`
              : ''
          }`,
        );
      }
      // No finding means the owner parsed and resolved.
      ctx.output(
        'ownerRef',
        finding?.ownerRef ?? parseOwnerRef(owner, namespace)?.ref ?? owner,
      );
    },
  });
}
