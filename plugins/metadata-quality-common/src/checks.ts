import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isPresent, readPath } from './entityPath';
import { CheckContext, QualityCheck } from './types';

/** The outcome of one check. */
export interface CheckOutcome {
  passed: boolean;
  message?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// The catalog adds relations while processing; entity files carry the same facts in spec fields.
const RELATION_SPEC_FIELDS: Record<string, string[]> = {
  partOf: ['spec.system', 'spec.domain'],
  providesApi: ['spec.providesApis'],
  consumesApi: ['spec.consumesApis'],
  dependsOn: ['spec.dependsOn'],
  ownedBy: ['spec.owner'],
};

/** The owner of an entity as a full reference (`group:default/web`), or undefined. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner === 'string' && owner.trim()) {
    return refIn(entity, owner, 'group');
  }
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  return relation?.targetRef.toLocaleLowerCase('en-US');
}

/** The entity's own ref, lower case. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function refIn(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The system an entity names itself (`spec.system`, or a `partOf` relation to a System), lower case. */
export function systemRefOf(entity: Entity): string | undefined {
  return (
    refIn(entity, entity.spec?.system, 'system') ??
    entity.relations
      ?.find(r => r.type === 'partOf' && r.targetRef.startsWith('system:'))
      ?.targetRef.toLocaleLowerCase('en-US')
  );
}

/** The component a component is a subcomponent of, lower case. */
export function subcomponentOfRef(entity: Entity): string | undefined {
  return refIn(entity, entity.spec?.subcomponentOf, 'component');
}

/** Runs one check against an entity. */
export function runCheck(
  check: QualityCheck,
  entity: Entity,
  context: CheckContext,
): CheckOutcome {
  switch (check.type) {
    case 'fieldPresent':
      return isPresent(readPath(entity, check.path))
        ? { passed: true }
        : { passed: false, message: `${check.path} is missing` };
    case 'fieldMatches': {
      const value = readPath(entity, check.path);
      const values = (Array.isArray(value) ? value : [value]).filter(
        v => v !== undefined && v !== null,
      );
      if (values.length === 0) {
        return { passed: false, message: `${check.path} is missing` };
      }
      const ok = values.every(v => {
        const text = String(v);
        if (check.oneOf && !check.oneOf.includes(text)) return false;
        if (check.pattern && !new RegExp(check.pattern).test(text)) {
          return false;
        }
        return true;
      });
      return ok
        ? { passed: true }
        : {
            passed: false,
            message: `${check.path} '${values.join(', ')}' is not ${
              check.oneOf
                ? `one of ${check.oneOf.join(', ')}`
                : `matching /${check.pattern}/`
            }`,
          };
    }
    case 'annotationPresent':
      return isPresent(entity.metadata.annotations?.[check.annotation])
        ? { passed: true }
        : {
            passed: false,
            message: `Annotation ${check.annotation} is missing`,
          };
    case 'techdocsPresent': {
      if (
        !isPresent(
          entity.metadata.annotations?.['backstage.io/techdocs-ref'] ??
            entity.metadata.annotations?.['backstage.io/techdocs-entity'],
        )
      ) {
        return {
          passed: false,
          message: 'Annotation backstage.io/techdocs-ref is missing',
        };
      }
      if (!check.built) return { passed: true };
      const docs = context.docsState?.(refOf(entity));
      if (!docs || docs.state === 'built') return { passed: true };
      return {
        passed: false,
        message:
          docs.state === 'building'
            ? 'TechDocs are not built yet: the portal is building them'
            : `The TechDocs build failed: ${docs.reason}`,
      };
    }
    case 'relationPresent': {
      const byRelation = entity.relations?.some(r => r.type === check.relation);
      const bySpec = (RELATION_SPEC_FIELDS[check.relation] ?? []).some(path =>
        isPresent(readPath(entity, path)),
      );
      return byRelation || bySpec
        ? { passed: true }
        : { passed: false, message: `No ${check.relation} relation` };
    }
    case 'systemPresent': {
      const systemRef = systemRefOf(entity);
      if (systemRef) return { passed: true };
      const parentSystem = context.facts?.(refOf(entity))?.parentSystemRef;
      if (parentSystem) return { passed: true };
      const parent = subcomponentOfRef(entity);
      return {
        passed: false,
        message: parent
          ? `No spec.system, and the component it is part of (${parent}) has no system either`
          : 'No spec.system',
      };
    }
    case 'ownerValid': {
      const ownerRef = ownerRefOf(entity);
      if (!ownerRef) return { passed: false, message: 'No owner' };
      const verdict = context.ownerVerdict(refOf(entity), ownerRef);
      if (!verdict.valid) {
        return {
          passed: false,
          message:
            verdict.message ??
            `Owner '${ownerRef}' is not a group in the catalog`,
        };
      }
      if (parseEntityRef(ownerRef).kind === 'user') {
        return {
          passed: false,
          message: `Owned by a person (${ownerRef}), not a team`,
        };
      }
      return { passed: true };
    }
    case 'linkPresent': {
      const re = new RegExp(check.match, 'i');
      const found = (entity.metadata.links ?? []).some(
        link =>
          (link.title !== undefined && re.test(link.title)) ||
          (link.type !== undefined && re.test(link.type)),
      );
      return found
        ? { passed: true }
        : {
            passed: false,
            message: `No link whose title or type matches '${check.match}'`,
          };
    }
    case 'freshness': {
      let changedAt: Date | undefined = context.changedAt;
      if (check.annotation) {
        const raw = entity.metadata.annotations?.[check.annotation];
        const parsed = raw ? new Date(raw) : undefined;
        changedAt =
          parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
        if (!changedAt) {
          return {
            passed: false,
            message: `Annotation ${check.annotation} is missing or not a date`,
          };
        }
      }
      if (!changedAt) return { passed: true };
      const ageDays = Math.floor(
        (context.now.getTime() - changedAt.getTime()) / DAY_MS,
      );
      return ageDays <= check.maxAgeDays
        ? { passed: true }
        : {
            passed: false,
            message: `Unchanged for ${ageDays} days (limit ${check.maxAgeDays})`,
          };
    }
    default:
      return {
        passed: false,
        message: `Unknown check type '${(check as { type: string }).type}'`,
      };
  }
}
