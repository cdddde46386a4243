import type { Entity } from '@backstage/catalog-model';
import {
  entityRefOf,
  type InputGuardOptions,
} from '@internal/plugin-catalog-input-guard-common';
import {
  createOwnerChecker,
  OwnerCheckOptions,
  OwnerFinding,
} from '@internal/plugin-owner-validation-common';
import type { CatalogSource } from './catalogSource';
import { checkInput, ParsedEntity } from './checkInput';
import { checkQuality, QualitySettings } from './checkQuality';
import { checkReferences } from './checkReferences';
import { checkSchema } from './checkSchema';
import { namedRefs } from './references';
import { Finding, LintReport } from './types';

/** What the checker judges files with. */
export interface LintOptions {
  guard: InputGuardOptions;
  quality: QualitySettings;
  /** Where references and owners are resolved; without one they are not checked. */
  catalog?: CatalogSource;
  /** Severities and the departed marker, as `ownerValidation` in app-config sets them. */
  owners?: Pick<OwnerCheckOptions, 'severities' | 'departedMarker'>;
}

/** A file to check: its name as it is reported and its bytes. */
export interface LintInput {
  file: string;
  data: Uint8Array;
}

const byPlace = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0);

/**
 * Checks files as the portal would take them: the input guard, the catalog's validation, then,
 * for the entities that pass, references and owners (against `catalog` and the files themselves)
 * and the metadata-quality score.
 */
export async function lintFiles(
  inputs: LintInput[],
  options: LintOptions,
): Promise<Omit<LintReport, 'skipped'>> {
  const findings: Finding[] = [];
  const valid: Array<{ file: string; parsed: ParsedEntity }> = [];
  for (const { file, data } of inputs) {
    const input = checkInput(file, data, options.guard);
    findings.push(...input.findings);
    for (const parsed of input.entities) {
      const problems = await checkSchema(file, parsed);
      findings.push(...problems);
      if (!problems.length) valid.push({ file, parsed });
    }
  }

  // The files checked together resolve each other, as one push would register them together.
  const own = new Set(valid.map(v => v.parsed.entityRef!));
  let exists: ((ref: string) => boolean) | undefined;
  let owners: ReturnType<typeof createOwnerChecker> | undefined;
  if (options.catalog) {
    const wanted = new Set<string>();
    for (const { parsed } of valid) {
      for (const named of namedRefs(parsed.entity as Entity)) {
        if (named.ref && !own.has(named.ref)) wanted.add(named.ref);
      }
    }
    const known = await options.catalog.existing([...wanted]);
    exists = ref => own.has(ref) || known.has(ref);
    const org = new Map(
      (await options.catalog.org()).map(e => [entityRefOf(e), e]),
    );
    for (const { parsed } of valid) {
      if (/^(user|group):/.test(parsed.entityRef!)) {
        org.set(parsed.entityRef!, parsed.entity as Entity);
      }
    }
    owners = createOwnerChecker([...org.values()], options.owners);
  }

  const scores: LintReport['scores'] = [];
  for (const { file, parsed } of valid) {
    let ownerFinding: OwnerFinding | undefined;
    if (exists && owners) {
      const refs = checkReferences(file, parsed, exists, owners);
      findings.push(...refs.findings);
      ownerFinding = refs.ownerFinding;
    }
    const quality = checkQuality(file, parsed, options.quality, ownerFinding);
    findings.push(...quality.findings);
    if (quality.score.score !== null) scores.push(quality.score);
  }
  return {
    files: inputs.map(i => i.file),
    findings: findings.sort(byPlace),
    scores,
  };
}
