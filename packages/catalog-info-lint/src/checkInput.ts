import {
  inspectFile,
  InspectedDocument,
  InputGuardOptions,
} from '@internal/plugin-catalog-input-guard-common';
import { Finding } from './types';

/** A document the input guard takes, with its place in the file. */
export type ParsedEntity = InspectedDocument & {
  entity: NonNullable<InspectedDocument['entity']>;
};

/**
 * The input guard's verdict on one file, as findings: the same function the catalog module
 * refuses files with, so a file that passes here passes the guard.
 */
export function checkInput(
  file: string,
  data: Uint8Array,
  options: InputGuardOptions,
): { findings: Finding[]; entities: ParsedEntity[] } {
  const inspection = inspectFile(data, options);
  if (inspection.fileProblem) {
    return {
      findings: [
        {
          file,
          severity: 'error',
          check: 'input-guard',
          message: inspection.fileProblem,
        },
      ],
      entities: [],
    };
  }
  const findings: Finding[] = [];
  const entities: ParsedEntity[] = [];
  for (const document of inspection.documents) {
    if (document.entity) {
      entities.push(document as ParsedEntity);
      continue;
    }
    for (const problem of document.problems) {
      findings.push({
        file,
        line: problem.line ?? document.line,
        ...(problem.column ? { column: problem.column } : {}),
        severity: 'error',
        check: 'input-guard',
        ...(document.entityRef ? { entityRef: document.entityRef } : {}),
        message: problem.message,
      });
    }
  }
  return { findings, entities };
}
