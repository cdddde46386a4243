import type { Entity } from '@backstage/catalog-model';
import {
  Document,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseAllDocuments,
} from 'yaml';
import { inspectDocument } from './inspectDocument';
import { declaredRefOf } from './entityRefs';
import type { InputGuardOptions } from './options';

/** A problem of a document, with where it is in the file (1-based) when that is known. */
export interface InputProblem {
  message: string;
  line?: number;
  column?: number;
}

/** One non-empty document of a file. */
export interface InspectedDocument {
  /** Its position among the file's documents, from 1. */
  document: number;
  /** The entity, when the document has no problem. */
  entity?: Entity;
  /** The ref the document would define, when it names a kind and a name. */
  entityRef?: string;
  /** The line of the document's first node. */
  line: number;
  /** Why the guard refuses it; empty when it is an entity. */
  problems: InputProblem[];
  /** Where a field is written (`['spec', 'owner']`): its key, or the nearest enclosing node. */
  locate(path: Array<string | number>): Position | undefined;
}

/** What the guard makes of one file. */
export interface FileInspection {
  /** Why the whole file is refused unread (size, binary); `documents` is then empty. */
  fileProblem?: string;
  /** How many documents the file has, empty ones included (messages say "document N" when above 1). */
  documentCount: number;
  /** Its non-empty documents. */
  documents: InspectedDocument[];
}

function mebibytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A place in a file, 1-based. */
export type Position = { line: number; column: number };

/** Where the field at `path` is written: its key, or the nearest enclosing node that exists. */
function positionOf(
  document: Document,
  path: Array<string | number>,
  lines: LineCounter,
): Position | undefined {
  const at = (offset: number | undefined) => {
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const nodeAt = (p: Array<string | number>) =>
    p.length ? document.getIn(p, true) : document.contents;
  for (let depth = path.length; depth >= 0; depth--) {
    const parent = depth > 0 ? nodeAt(path.slice(0, depth - 1)) : undefined;
    if (isMap(parent)) {
      const key = path[depth - 1];
      const pair = parent.items.find(
        item => isScalar(item.key) && item.key.value === key,
      );
      if (pair && isNode(pair.key)) return at(pair.key.range?.[0]);
    }
    const node = nodeAt(path.slice(0, depth));
    if (isNode(node)) return at(node.range?.[0]);
  }
  return undefined;
}

/**
 * The input guard's verdict on one catalog-info.yaml file: files over the size limit and binary
 * files are refused unread; each document is parsed on its own (duplicate keys are errors, merge
 * keys are not expanded) and checked by {@link inspectDocument}. Messages name the field and the
 * fix, and say "document N" in files of several documents; the guard prefixes the file.
 */
export function inspectFile(
  data: Uint8Array,
  options: InputGuardOptions,
): FileInspection {
  if (data.length > options.maxFileBytes) {
    return {
      fileProblem: `the file is ${mebibytes(data.length)}, over the ${mebibytes(
        options.maxFileBytes,
      )} limit (catalog.inputGuard.maxFileBytes); move long text to TechDocs or split the file`,
      documentCount: 0,
      documents: [],
    };
  }
  const nul = data.indexOf(0);
  if (nul !== -1) {
    return {
      fileProblem: `the file is binary (a NUL byte at offset ${nul}), not YAML; a catalog-info.yaml must be UTF-8 text`,
      documentCount: 0,
      documents: [],
    };
  }

  const lines = new LineCounter();
  const parsed = parseAllDocuments(new TextDecoder().decode(data), {
    merge: false,
    uniqueKeys: true,
    lineCounter: lines,
  });
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const documents: InspectedDocument[] = [];
  for (const [index, document] of list.entries()) {
    const which = list.length > 1 ? `document ${index + 1}` : 'the document';
    // Problems already say "the document ..." or name a field; multi-document files add which one.
    const prefix = list.length > 1 ? `document ${index + 1}: ` : '';
    const locate = (path: Array<string | number>) =>
      positionOf(document, path, lines);
    const start = lines.linePos(
      document.contents?.range?.[0] ?? document.range[0],
    ).line;
    if (document.errors.length) {
      const error = document.errors[0];
      const deep = /call stack/i.test(error.message);
      let partial: unknown;
      try {
        partial = document.toJS({ maxAliasCount: 100 });
      } catch {
        // Too broken to tell what it defines.
      }
      const position = error.linePos?.[0];
      documents.push({
        document: index + 1,
        entityRef: deep ? undefined : declaredRefOf(partial),
        line: start,
        locate,
        problems: [
          {
            message: deep
              ? `${which} is nested too deeply to read (catalog.inputGuard.maxDepth is ${options.maxDepth}); flatten the structure`
              : `${which} is not valid YAML: ${error.message.trim()}\nFix the indentation or quoting at that line.`,
            ...(position ? { line: position.line, column: position.col } : {}),
          },
        ],
      });
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (e) {
      documents.push({
        document: index + 1,
        line: start,
        locate,
        problems: [
          { message: `${which} cannot be read: ${(e as Error).message}` },
        ],
      });
      continue;
    }
    if (value === null || value === undefined) {
      continue; // An empty document, e.g. after a trailing "---".
    }
    const problems = inspectDocument(value, options.maxDepth);
    documents.push({
      document: index + 1,
      entityRef: declaredRefOf(value),
      line: start,
      locate,
      ...(problems.length ? {} : { entity: value as Entity }),
      problems: problems.map(problem => ({
        message: `${prefix}${problem.message}`,
        ...locate(problem.path),
      })),
    });
  }
  return { documentCount: list.length, documents };
}
