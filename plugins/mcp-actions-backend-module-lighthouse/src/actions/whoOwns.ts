import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isNotFoundResponse } from '../services/CallerClients';
import { entityLinks, linkTypes } from '../services/entityLinks';
import { ActionDeps } from './ActionDeps';
import { entityInput, entityPathParams, failingChecks } from './shared';

const MAX_MEMBERS = 25;

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);

const displayName = (entity: Entity) =>
  (entity.spec?.profile as { displayName?: string } | undefined)?.displayName ??
  entity.metadata.title ??
  entity.metadata.name;

const emailOf = (entity: Entity) =>
  (entity.spec?.profile as { email?: string } | undefined)?.email;

/** Registers `who-owns`: the owner of an entity, whether that owner is valid, its quality and neighbours. */
export function registerWhoOwnsAction(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  const { catalog, finder, clients, appBaseUrl } = deps;

  /** The refs among `refs` the caller may read, with their entities. */
  async function readable(refs: string[], credentials: BackstageCredentials) {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Map<string, Entity>();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: unique },
      { credentials },
    );
    const found = new Map<string, Entity>();
    items.forEach((entity, i) => entity && found.set(unique[i], entity));
    return found;
  }

  registry.register({
    name: 'who-owns',
    title: 'Who owns',
    description:
      'Who owns a catalog entity, found by ref (component:default/payments-service) or by name or title ("payments service"): ' +
      "the owner with its members' names and emails, whether the owner is valid (an open ownership problem and the suggested owner), " +
      'the metadata quality level and failing checks, links (docs, runbook, dashboard, on-call, source), what it depends on and what depends on it.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entity: entityInput(z),
        }),
      output: z => {
        const person = z.object({
          ref: z.string(),
          name: z.string(),
          email: z.string().optional(),
        });
        return z.object({
          entity: z.object({
            ref: z.string(),
            title: z.string().optional(),
            type: z.string().optional(),
            lifecycle: z.string().optional(),
            description: z.string().optional(),
          }),
          owner: z
            .object({
              ref: z.string(),
              title: z.string(),
              email: z.string().optional(),
              members: z.array(person),
              memberCount: z
                .number()
                .describe(`All members; at most ${MAX_MEMBERS} are listed`),
            })
            .nullable()
            .describe(
              'null when the entity names no owner the caller can read',
            ),
          ownerValid: z.boolean(),
          ownerProblem: z
            .object({
              type: z.string(),
              severity: z.string(),
              message: z.string(),
              suggestedOwner: z.string().optional(),
            })
            .optional(),
          quality: z
            .object({
              score: z.number(),
              level: z.string().nullable(),
              failingChecks: z.array(
                z.object({ check: z.string(), message: z.string().optional() }),
              ),
            })
            .nullable(),
          links: z.array(
            z.object({
              type: z.enum(linkTypes),
              title: z.string().optional(),
              url: z.string(),
            }),
          ),
          dependsOn: z.array(z.string()),
          dependedOnBy: z.array(z.string()),
          otherMatches: z
            .array(z.string())
            .optional()
            .describe('Other entities the name could mean'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { entity, otherMatches } = await finder.find(
        input.entity,
        credentials,
      );
      const ref = stringifyEntityRef(entity);
      const [ownerRef] = relationTargets(entity, RELATION_OWNED_BY);
      const dependsOn = relationTargets(entity, RELATION_DEPENDS_ON);
      const dependedOnBy = relationTargets(entity, RELATION_DEPENDENCY_OF);

      const [neighbours, findings, score] = await Promise.all([
        readable(
          [...(ownerRef ? [ownerRef] : []), ...dependsOn, ...dependedOnBy],
          credentials,
        ),
        clients
          .ownerValidation(credentials)
          .getEntityFindings({
            params: entityPathParams(entity),
          })
          .then(r => r.findings.filter(f => !f.resolvedAt))
          .catch(e => (isNotFoundResponse(e) ? [] : Promise.reject(e))),
        clients
          .metadataQuality(credentials)
          .getEntityScore({
            params: entityPathParams(entity),
          })
          .catch(e => (isNotFoundResponse(e) ? undefined : Promise.reject(e))),
      ]);

      const ownerEntity = ownerRef ? neighbours.get(ownerRef) : undefined;
      const memberRefs = ownerEntity
        ? relationTargets(ownerEntity, RELATION_HAS_MEMBER)
        : [];
      const members = await readable(
        memberRefs.slice(0, MAX_MEMBERS),
        credentials,
      );
      const problem = findings.find(f => f.severity === 'error') ?? findings[0];

      return {
        output: {
          entity: {
            ref,
            title: entity.metadata.title,
            type: entity.spec?.type as string | undefined,
            lifecycle: entity.spec?.lifecycle as string | undefined,
            description: entity.metadata.description,
          },
          owner: ownerEntity
            ? {
                ref: ownerRef,
                title: displayName(ownerEntity),
                email: emailOf(ownerEntity),
                members: [...members].map(([memberRef, member]) => ({
                  ref: memberRef,
                  name: displayName(member),
                  email: emailOf(member),
                })),
                memberCount: memberRefs.length,
              }
            : null,
          ownerValid: !findings.some(f => f.severity === 'error'),
          ownerProblem: problem && {
            type: problem.type,
            severity: problem.severity,
            message: problem.message,
            suggestedOwner: problem.suggestedOwner,
          },
          quality: score
            ? {
                score: score.score,
                level: score.level ?? null,
                failingChecks: failingChecks(score).map(
                  ({ check, message }) => ({ check, message }),
                ),
              }
            : null,
          links: entityLinks(entity, appBaseUrl),
          dependsOn: dependsOn.filter(r => neighbours.has(r)),
          dependedOnBy: dependedOnBy.filter(r => neighbours.has(r)),
          ...(otherMatches.length > 0 && { otherMatches }),
        },
      };
    },
  });
}
