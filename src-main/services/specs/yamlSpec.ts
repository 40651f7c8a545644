// An app spec as YAML text. Two rules: text the user wrote is never re-printed (an unchanged spec
// comes back byte for byte, comments and key order included), and an edit rewrites only the
// scalars it changes, through the parser's concrete syntax tree. Specs read from the API are
// printed the way `doctl apps spec get` prints them: keys sorted, sequences not indented.
import {
  Composer,
  CST,
  Document,
  LineCounter,
  Parser,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parse,
  type Node,
  type Scalar,
  type YAMLError,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { SpecProblem } from '../../../src-preload/contract';
import type { AppSpec } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { SpecTree, textOf } from './specTree';
import { SPEC_LIMITS, lexWithinLimits, measureDocuments, sizeBreach, type LimitBreach } from './yamlLimits';

export type SpecPath = ReadonlyArray<string | number>;

export interface ParsedSpec {
  text: string;
  /** The first document: the spec. */
  doc: Document.Parsed;
  /** Every document of the text (a second one is an error, but its values are still looked at). */
  docs: Document.Parsed[];
  /** The concrete syntax tree the documents were built from; scalar edits write into it. */
  tokens: CST.Token[];
  lines: LineCounter;
  /** The documents read as sent: aliases followed, merge keys expanded. */
  tree: SpecTree;
  /** Every mapping and list as written, in document order. */
  collections: Array<YAMLMap | YAMLSeq>;
  /** YAML syntax errors, located. Empty when the text parsed. */
  problems: SpecProblem[];
  /** Set when the text is over a limit (see yamlLimits): then nothing of it was read. */
  limit?: string;
}

// Merge keys as doctl reads them; duplicate keys found below in one pass (the parser's own check
// compares every key with every other: seconds for a large mapping).
const COMPOSE = { keepSourceTokens: true, merge: true, uniqueKeys: false } as const;

/** Parses tolerantly: a half-typed draft still yields what could be read, plus located errors. */
export function parseSpecYaml(text: string): ParsedSpec {
  const lines = new LineCounter();
  const size = sizeBreach(text);
  if (size) return refused(text, lines, size);
  const lexed = lexWithinLimits(text);
  if ('breach' in lexed) return refused(text, lines, lexed.breach);
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of lexed.lexemes) tokens.push(...parser.next(lexeme));
  tokens.push(...parser.end());
  // forceDoc: an empty text is an empty document, not none.
  const docs = Array.from(new Composer(COMPOSE).compose(tokens, true));
  const doc = docs[0]!;
  const measured = measureDocuments(docs);
  if ('breach' in measured) return refused(text, lines, measured.breach);
  const located =
    (severity: SpecProblem['severity']) =>
    (e: YAMLError): SpecProblem => ({
      source: 'yaml',
      severity,
      message: firstLine(e.message),
      ...position(lines, e.pos[0]),
    });
  const problems: SpecProblem[] = [
    ...doc.errors.map(located('error')),
    ...duplicateKeys(measured.collections, lines),
    ...doc.warnings.map(located('warning')),
  ];
  if (docs.length > 1) {
    const second = docs[1]!.range[0];
    problems.push({
      source: 'yaml',
      severity: 'error',
      message: 'A spec file holds one document; remove the second "---".',
      ...position(lines, second),
    });
  }
  if (problems.every((p) => p.severity !== 'error') && !isMap(doc.contents)) {
    const message =
      text.trim() === ''
        ? 'The spec is empty: it needs at least a name: and one component.'
        : 'A spec is a mapping of fields (name:, region:, services: …).';
    problems.push({ source: 'yaml', severity: 'error', message, line: 1, column: 1 });
  }
  return {
    text,
    doc,
    docs,
    tokens,
    lines,
    tree: new SpecTree(measured.targets),
    collections: measured.collections,
    problems,
  };
}

/** A text over a limit: an empty spec with one located error that names the limit. */
function refused(text: string, lines: LineCounter, breach: LimitBreach): ParsedSpec {
  const before = text.slice(0, breach.offset).split('\n');
  const problem: SpecProblem = {
    source: 'yaml',
    severity: 'error',
    message: breach.message,
    line: before.length,
    column: before.at(-1)!.length + 1,
  };
  const doc = new Document(null) as unknown as Document.Parsed;
  return {
    text,
    doc,
    docs: [],
    tokens: [],
    lines,
    tree: new SpecTree(),
    collections: [],
    problems: [problem],
    limit: breach.message,
  };
}

/** The second of two equal keys in a mapping, worded as the parser words it. */
function duplicateKeys(collections: ReadonlyArray<YAMLMap | YAMLSeq>, lines: LineCounter): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const map of collections) {
    if (!isMap(map)) continue;
    const seen = new Set<string>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? textOf(pair.key) : undefined;
      if (key === undefined) continue;
      if (seen.has(key))
        problems.push({
          source: 'yaml',
          severity: 'error',
          message: 'Map keys must be unique',
          ...position(lines, (pair.key as Scalar).range?.[0] ?? 0),
        });
      seen.add(key);
    }
  }
  return problems;
}

export const hasErrors = (problems: readonly SpecProblem[]) => problems.some((p) => p.severity === 'error');

/** The spec a parsed text describes; throws a located, worded error when it does not parse. */
export function specOf(parsed: ParsedSpec): AppSpec {
  if (parsed.limit) throw new ApiError({ code: 'invalid_argument', message: parsed.limit });
  const error = parsed.problems.find((p) => p.severity === 'error');
  if (error) {
    const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
    throw new ApiError({ code: 'invalid_argument', message: `The spec is not valid YAML${where}: ${error.message}` });
  }
  try {
    return parsed.doc.toJS({ maxAliasCount: SPEC_LIMITS.aliases }) as AppSpec;
  } catch (error) {
    // The limits pass measured the expansion already; this is the library's own guard agreeing.
    throw new ApiError({
      code: 'invalid_argument',
      message: `The spec could not be read: ${error instanceof Error ? firstLine(error.message) : String(error)}`,
    });
  }
}

/** The form `doctl apps spec get` prints (sigs.k8s.io/yaml: keys sorted, sequences flush). */
export function specToYaml(spec: AppSpec): string {
  return new Document(spec, { sortMapEntries: true, aliasDuplicateObjects: false }).toString({
    indentSeq: false,
    lineWidth: 0,
  });
}

/** 1-based line and column of an offset. */
function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Where a spec path is written: the key of the deepest part of the path that exists ("services.0
 * .instance_count" points at `instance_count:`, or at the service when the field is absent).
 */
export function locate(parsed: ParsedSpec, path: SpecPath): { line: number; column: number } | undefined {
  let node: unknown = parsed.doc.contents;
  let best: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      best = isNode(pair.key) ? pair.key.range?.[0] : best;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!isNode(item)) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else break;
  }
  return best === undefined ? undefined : position(parsed.lines, best);
}

/** "services.0.instance_count" → ['services', 0, 'instance_count']. */
export function parsePath(dotted: string): Array<string | number> {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface ScalarEdit {
  path: SpecPath;
  value: string;
}

/**
 * Rewrites string scalars in place: every byte outside the edited scalars stays as it was. A path
 * that is not an existing scalar is refused (callers only change values that are there).
 */
export function editScalars(text: string, edits: readonly ScalarEdit[]): string {
  if (edits.length === 0) return text;
  const parsed = parseSpecYaml(text);
  for (const edit of edits) {
    const node = parsed.doc.getIn(edit.path, true);
    if (!isScalar(node) || !node.srcToken) throw new Error(`no scalar at ${edit.path.join('.')}`);
    const parent = parsed.doc.getIn(edit.path.slice(0, -1), true);
    const inFlow = (isMap(parent) || isSeq(parent)) && parent.flow === true;
    CST.setScalarValue(node.srcToken, edit.value, {
      afterKey: typeof edit.path.at(-1) === 'string',
      inFlow,
      type: scalarType(node, edit.value),
    });
  }
  return parsed.tokens.map((t) => CST.stringify(t)).join('');
}

/**
 * As editScalars, by node rather than by path (for scalars reached through aliases or merges).
 * Refuses a scalar it cannot rewrite rather than leave it as it was.
 */
export function rewriteScalars(parsed: ParsedSpec, values: ReadonlyMap<Scalar, string>): string {
  const context = new Map<unknown, { inFlow: boolean; afterKey: boolean }>();
  for (const collection of parsed.collections) {
    const inFlow = collection.flow === true;
    for (const item of collection.items) {
      if (isPair(item)) {
        context.set(item.key, { inFlow, afterKey: false });
        context.set(item.value, { inFlow, afterKey: true });
      } else context.set(item, { inFlow, afterKey: false });
    }
  }
  for (const [node, value] of values) {
    if (!node.srcToken) throw new Error('a scalar without its source');
    // Emptied values read as "" whatever the scalar was (a block scalar would print as `|-`).
    const type = value === '' && node.type !== 'QUOTE_SINGLE' ? 'QUOTE_DOUBLE' : scalarType(node, value);
    CST.setScalarValue(node.srcToken, value, { ...(context.get(node) ?? { inFlow: false, afterKey: false }), type });
  }
  return parsed.tokens.map((t) => CST.stringify(t)).join('');
}

/** Keeps the scalar's quoting unless a plain scalar would read back as something else ("", "1440", "true"). */
function scalarType(node: Scalar, value: string): Scalar.Type | undefined {
  if (node.type !== 'PLAIN' && node.type !== undefined) return undefined;
  if (value.includes('\n')) return 'QUOTE_DOUBLE';
  return value !== '' && readsBackAs(value) ? 'PLAIN' : 'QUOTE_DOUBLE';
}

function readsBackAs(value: string): boolean {
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

/**
 * A structural change (a new key or list item). The Document keeps comments and key order; only
 * whitespace is normalised, in the file's own sequence style.
 */
export function editStructure(text: string, change: (doc: Document.Parsed) => void): string {
  const parsed = parseSpecYaml(text);
  specOf(parsed);
  change(parsed.doc);
  return parsed.doc.toString({ indentSeq: sequencesIndented(text), lineWidth: 0 });
}

/** Whether the text writes `key:\n  - item` (indented) rather than `key:\n- item` (doctl's way). */
function sequencesIndented(text: string): boolean {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- /m.exec(text);
  return match ? match[2]!.length > match[1]!.length : false;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
