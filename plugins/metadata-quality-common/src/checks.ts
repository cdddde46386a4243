import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { isPresent, readPath } from './entityPath';
import {
  ownerRefOf,
  entityRefIn,
  subcomponentOfRef,
  systemRefOf,
} from './entityRefs';
import { CheckContext, QualityCheck } from './types';
import { confirmationStatus, dayOf } from './verification';

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
      const docs = context.docsState?.(entityRefIn(entity, context));
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
      const parentSystem = context.facts?.(
        entityRefIn(entity, context),
      )?.parentSystemRef;
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
      const verdict = context.ownerVerdict(
        entityRefIn(entity, context),
        ownerRef,
      );
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
    case 'confirmed': {
      if (!context.confirmation) return { passed: true };
      const status = confirmationStatus(
        context.confirmation(entityRefIn(entity, context)),
        ownerRefOf(entity),
        context.now,
        check.maxAgeDays,
      );
      switch (status.state) {
        case 'valid':
          return { passed: true };
        case 'never': {
          // A new entry is its owners' own statement: it is due for confirmation `maxAgeDays`
          // after its content was first seen, as a confirmation would be.
          const since = context.changedAt;
          if (
            since &&
            context.now.getTime() - since.getTime() <= check.maxAgeDays * DAY_MS
          ) {
            return { passed: true };
          }
          return {
            passed: false,
            message: since
              ? `Never confirmed by its owners, and unchanged since ${dayOf(
                  since,
                )}, more than ${check.maxAgeDays} days ago`
              : 'Never confirmed by its owners',
          };
        }
        case 'ownerChanged':
          return {
            passed: false,
            message: `Its owner changed from ${
              status.confirmation.ownerRef
            } since ${status.confirmation.confirmedBy} confirmed it on ${dayOf(
              status.confirmation.confirmedAt,
            )}: the new owners must confirm`,
          };
        default:
          return {
            passed: false,
            message: `Last confirmed on ${dayOf(
              status.confirmation.confirmedAt,
            )} by ${status.confirmation.confirmedBy}, more than ${
              check.maxAgeDays
            } days ago`,
          };
      }
    }
    default:
      return {
        passed: false,
        message: `Unknown check type '${(check as { type: string }).type}'`,
      };
  }
}
