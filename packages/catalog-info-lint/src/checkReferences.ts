import type { Entity } from '@backstage/catalog-model';
import {
  FINDING_TYPE_TITLES,
  OwnerChecker,
  OwnerFinding,
} from '@internal/plugin-owner-validation-common';
import type { ParsedEntity } from './checkInput';
import { namedRefs } from './references';
import { Finding } from './types';

/**
 * The reference fields of one entity resolved against the catalog (`exists`), and its owner as
 * owner validation judges it. Returns the findings and the owner finding, which the quality
 * score reads.
 */
export function checkReferences(
  file: string,
  parsed: ParsedEntity,
  exists: (ref: string) => boolean,
  owners: OwnerChecker,
): { findings: Finding[]; ownerFinding?: OwnerFinding } {
  const entity = parsed.entity as Entity;
  const findings: Finding[] = [];
  const at = (path: Array<string | number>) =>
    parsed.locate(path) ?? { line: parsed.line };
  const base = {
    file,
    ...(parsed.entityRef ? { entityRef: parsed.entityRef } : {}),
  };
  for (const named of namedRefs(entity)) {
    const path =
      named.index === undefined
        ? named.field.path
        : [...named.field.path, named.index];
    const name = named.field.path.join('.');
    if (named.problem) {
      findings.push({
        ...base,
        ...at(path),
        severity: 'error',
        check: 'reference',
        message: named.problem,
      });
    } else if (named.ref && !exists(named.ref)) {
      findings.push({
        ...base,
        ...at(path),
        severity: 'error',
        check: 'reference',
        message: `${name}: '${named.ref}' is not in the catalog; fix the name, or register the entity first`,
      });
    }
  }
  const ownerFinding = owners.check(entity);
  if (ownerFinding) {
    const suggestion = ownerFinding.suggestedOwner
      ? `; suggested owner: ${ownerFinding.suggestedOwner}`
      : '';
    findings.push({
      ...base,
      ...at(['spec', 'owner']),
      severity: ownerFinding.severity,
      check: 'owner',
      message: `${FINDING_TYPE_TITLES[ownerFinding.type]}: ${
        ownerFinding.message
      }${suggestion}`,
    });
  }
  return { findings, ownerFinding };
}
