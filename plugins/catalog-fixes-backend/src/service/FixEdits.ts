import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import { Fix } from '@internal/plugin-catalog-fixes-common';
import {
  EntityEdit,
  editPath,
  MetadataQualityClient,
  ownerEdits,
  refOf,
} from '@internal/plugin-metadata-quality-common';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';

/** The edits of a fix, and a one-line title for its change request. */
export interface ResolvedFix {
  edits: EntityEdit[];
  title: string;
}

const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function describe(edit: EntityEdit): string {
  if (edit.type === 'add') {
    return `add ${edit.values.map(shown).join(', ')} to ${editPath(edit)}`;
  }
  return `set ${editPath(edit)} to ${shown(edit.value)}`;
}

/** `parcels: set spec.owner to logistics`. */
export function titleOf(entity: Entity, edits: EntityEdit[]): string {
  return `${entity.metadata.name}: ${edits.map(describe).join('; ')}`;
}

/**
 * The edits of a fix, read from the plugin that found the problem, so the portal proposes what it
 * advises: an owner finding's suggested owner from owner validation, a failing rule's edits from
 * the entity's metadata-quality score (computed there, with the entity's neighbours).
 */
export class FixEdits {
  constructor(
    private readonly clients: {
      ownerValidation: Pick<OwnerValidationClient, 'getEntityFindings'>;
      metadataQuality: Pick<MetadataQualityClient, 'getEntityScore'>;
    },
  ) {}

  async resolve(entity: Entity, fix: Fix): Promise<ResolvedFix> {
    const ref = refOf(entity);
    const path = getCompoundEntityRef(entity);
    const params = {
      path: { kind: path.kind, namespace: path.namespace, name: path.name },
    };
    if (fix.type === 'owner') {
      const { findings } = await this.clients.ownerValidation.getEntityFindings(
        {
          params,
        },
      );
      const finding =
        findings.find(f => f.severity === 'error' && f.suggestedOwner) ??
        findings.find(f => f.suggestedOwner);
      if (!finding?.suggestedOwner) {
        throw new InputError(
          findings.length === 0
            ? `fix: '${ref}' has no owner finding to fix`
            : `fix: owner validation suggests no owner for '${ref}', so a person has to name the team`,
        );
      }
      const edits = ownerEdits(entity, finding.suggestedOwner);
      return { edits, title: titleOf(entity, edits) };
    }
    let score;
    try {
      score = await this.clients.metadataQuality.getEntityScore({ params });
    } catch (e) {
      if (e instanceof ResponseError && e.response.status === 404) {
        throw new InputError(`fix.ruleId: '${ref}' has no quality score yet`);
      }
      throw e;
    }
    const result = score.results.find(r => r.ruleId === fix.ruleId);
    if (!result) {
      throw new InputError(
        `fix.ruleId: no rule '${fix.ruleId}' applies to '${ref}'`,
      );
    }
    if (result.passed) {
      throw new InputError(
        `fix.ruleId: rule '${fix.ruleId}' passes on '${ref}'; there is nothing to fix`,
      );
    }
    if (!result.edits || result.edits.length === 0) {
      throw new InputError(
        `fix.ruleId: rule '${fix.ruleId}' has no mechanical fix for '${ref}': a person has to write it (its advice on the Quality tab says what)`,
      );
    }
    const edits = result.edits as EntityEdit[];
    return { edits, title: titleOf(entity, edits) };
  }
}
