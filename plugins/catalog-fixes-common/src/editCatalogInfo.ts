import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  EntityEdit,
  editPath,
  isDeepStrictEqual,
  parsePath,
} from '@internal/plugin-metadata-quality-common';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  parseAllDocuments,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { expectedAfter, sameEntity } from './editedEntity';

type ParsedDocument = Document.Parsed;
type Range = [number, number, number];

/** A text change: replace `[start, end)` of the file with `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Options of the rendered YAML: what the file itself does. */
interface Style {
  /** Block sequences indented under their key (`key:\n  - a`) rather than level with it. */
  indentSeq: boolean;
  /** Spaces per level. */
  indent: number;
}

function detectStyle(text: string): Style {
  const indents = [...text.matchAll(/^( +)\S/gm)].map(m => m[1].length);
  const indent = Math.min(...indents.filter(n => n > 0), 8);
  // A `- ` at the indentation of the key above it: sequences level with their key.
  const flat = /^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(text);
  return { indentSeq: !flat, indent: Number.isFinite(indent) ? indent : 2 };
}

function render(value: unknown, style: Style, flow = false): string {
  const doc = new Document(value);
  if (flow && doc.contents && (isMap(doc.contents) || isSeq(doc.contents))) {
    doc.contents.flow = true;
  }
  return doc
    .toString({
      lineWidth: 0,
      indent: style.indent,
      indentSeq: style.indentSeq,
      flowCollectionPadding: false,
    })
    .replace(/\n$/, '');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding offset `end - 1` ends: after its newline. */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

function indentLines(text: string, column: number, first = true): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (line && (first || i > 0) ? pad + line : line))
    .join('\n');
}

/** The document of `text` that defines the entity, by kind, namespace and name (case-insensitive). */
function findDocument(
  documents: ParsedDocument[],
  target: CompoundEntityRef,
): ParsedDocument {
  const found = documents.find(doc => {
    const value = doc.toJS();
    return value && typeof value === 'object' && sameEntity(value, target);
  });
  if (!found) {
    throw new NotFoundError(
      `catalog-info.yaml defines no ${target.kind} '${target.namespace}/${target.name}'`,
    );
  }
  return found;
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** `{ a: { b: value } }` for `['a', 'b']`. */
function nestedValue(parts: string[], value: unknown): unknown {
  return parts.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** The text change that makes a map (block or flow) hold `parts` = `value`. */
function insertInto(
  text: string,
  map: YAMLMap,
  parts: string[],
  value: unknown,
  style: Style,
): Splice {
  const nested = nestedValue(parts.slice(1), value);
  const range = map.range as Range;
  if (map.flow || map.items.length === 0) {
    const copy = map.toJSON() ?? {};
    copy[parts[0]] = nested;
    const inline = map.flow && !isMap(nested) && !Array.isArray(nested);
    if (inline) {
      return {
        start: range[0],
        end: range[1],
        text: render(copy, style, true),
      };
    }
    // An empty or flow map becomes a block map on the following lines.
    const column = lineIndent(text, range[0]) + style.indent;
    return {
      start: range[0],
      end: range[1],
      text: `\n${indentLines(render(copy, style), column)}`,
    };
  }
  const first = map.items[0].key as Node;
  const column = (first.range as Range)[0] - lineStart(text, first.range![0]);
  const last = map.items[map.items.length - 1];
  const lastEnd = ((last.value as Node | null)?.range ??
    (last.key as Node).range) as Range;
  const at = afterLine(text, lastEnd[1]);
  const line = render({ [parts[0]]: nested }, style);
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return {
    start: at,
    end: at,
    text: `${newline}${indentLines(line, column)}\n`,
  };
}

function lineIndent(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return /^ */.exec(text.slice(start))![0].length;
}

/** The text change that appends items to a sequence (block or flow). */
function appendTo(
  text: string,
  seq: YAMLSeq,
  values: unknown[],
  style: Style,
): Splice {
  const range = seq.range as Range;
  if (seq.flow || seq.items.length === 0) {
    const list = [...(seq.toJSON() ?? []), ...values];
    return {
      start: range[0],
      end: range[1],
      text: render(list, style, seq.flow),
    };
  }
  const firstItem = seq.items[0] as Node;
  const dash = text.lastIndexOf('-', firstItem.range![0]);
  const column = dash - lineStart(text, dash);
  const lastItem = seq.items[seq.items.length - 1] as Node;
  const at = afterLine(text, (lastItem.range as Range)[1]);
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return {
    start: at,
    end: at,
    text: `${newline}${indentLines(render(values, style), column)}\n`,
  };
}

/** The text change that replaces the value of an existing pair. */
function replaceValue(
  text: string,
  pair: Pair,
  value: unknown,
  style: Style,
): Splice {
  const old = pair.value as Node | null;
  const keyRange = (pair.key as Node).range as Range;
  const isPlainValue =
    value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (old && isScalar(old) && isPlainValue) {
    // Keep the quoting the file uses for this field, where the new value allows it.
    const scalar = new Scalar(value);
    if (
      old.type === Scalar.QUOTE_DOUBLE ||
      old.type === Scalar.QUOTE_SINGLE ||
      old.type === Scalar.PLAIN
    ) {
      scalar.type = old.type;
    }
    const range = old.range as Range;
    return {
      start: range[0],
      end: range[1],
      text: render(scalar, style),
    };
  }
  if (old && (isMap(old) || isSeq(old)) && old.flow) {
    const range = old.range as Range;
    return { start: range[0], end: range[1], text: render(value, style, true) };
  }
  const column = keyRange[0] - lineStart(text, keyRange[0]);
  const end = old ? (old.range as Range)[1] : keyRange[2];
  const rendered = render({ [String(keyOf(pair))]: value }, style);
  const trailing = text[end - 1] === '\n' ? '\n' : '';
  return {
    start: keyRange[0],
    end,
    text: `${indentLines(rendered, column, false)}${trailing}`,
  };
}

/** The text change one edit makes in the document, with the document's own offsets in `text`. */
function spliceFor(
  text: string,
  doc: ParsedDocument,
  edit: EntityEdit,
  style: Style,
): Splice {
  const parts = parsePath(editPath(edit));
  let node: unknown = doc.contents;
  for (let i = 0; i < parts.length; i++) {
    if (!isMap(node)) {
      throw new InputError(
        `${parts
          .slice(0, i)
          .join('.')} is not a mapping in catalog-info.yaml, so ${editPath(
          edit,
        )} cannot be set`,
      );
    }
    const pair = node.items.find(p => keyOf(p) === parts[i]);
    const last = i === parts.length - 1;
    if (!pair) {
      const value = edit.type === 'add' ? edit.values : edit.value;
      return insertInto(text, node, parts.slice(i), value, style);
    }
    if (last) {
      if (edit.type === 'add' && isSeq(pair.value)) {
        const current = pair.value.toJSON() as unknown[];
        const missing = edit.values.filter(
          v => !current.some(item => isDeepStrictEqual(item, v)),
        );
        if (missing.length === 0) return { start: 0, end: 0, text: '' };
        return appendTo(text, pair.value, missing, style);
      }
      const value = edit.type === 'add' ? edit.values : edit.value;
      return replaceValue(text, pair, value, style);
    }
    const empty =
      pair.value === null ||
      (isScalar(pair.value) && pair.value.value === null);
    if (empty) {
      // `annotations:` with nothing under it: the rest of the path becomes its value.
      const value = edit.type === 'add' ? edit.values : edit.value;
      return replaceValue(
        text,
        pair,
        nestedValue(parts.slice(i + 1), value),
        style,
      );
    }
    node = pair.value;
  }
  throw new InputError('An edit needs a path');
}

function parse(text: string): ParsedDocument[] {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(documents)) return [];
  const broken = documents.find(doc => doc.errors.length > 0);
  if (broken) {
    throw new InputError(
      `catalog-info.yaml no longer parses: ${
        broken.errors[0].message.split('\n')[0]
      }`,
    );
  }
  return documents;
}

/**
 * Applies edits to the document of a (multi-document) catalog-info.yaml that defines the entity,
 * as YAML: the document is parsed, each edit located in it, and only the text of the field it
 * changes is rewritten, so comments, key order, quoting and the other documents stay as they were.
 * The result is parsed again and compared with the intended entity; any other difference is refused.
 */
export function editCatalogInfo(
  text: string,
  target: CompoundEntityRef,
  edits: EntityEdit[],
): string {
  const before = parse(text);
  const style = detectStyle(text);
  let current = text;
  for (const edit of edits) {
    const doc = findDocument(parse(current), target);
    const splice = spliceFor(current, doc, edit, style);
    if (splice.start === splice.end && splice.text === '') continue;
    current =
      current.slice(0, splice.start) + splice.text + current.slice(splice.end);
  }
  const after = parse(current);
  const index = before.indexOf(findDocument(before, target));
  const expected = expectedAfter(before[index].toJS(), edits);
  const ok =
    after.length === before.length &&
    after.every((doc, i) =>
      isDeepStrictEqual(doc.toJS(), i === index ? expected : before[i].toJS()),
    );
  if (!ok) {
    throw new InputError(
      `catalog-info.yaml could not be edited without changing more than ${edits
        .map(editPath)
        .join(', ')}; edit it by hand`,
    );
  }
  return current;
}
