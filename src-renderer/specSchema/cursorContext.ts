// Where the cursor is in a YAML spec, read from indentation alone: completion runs while the user
// types, when the document is often not valid YAML, so it cannot wait for a parse.
import type { SpecPath } from './schema';

/** One thing a line opens: a sequence item ("- ") or a mapping key ("key:"). */
interface Opener {
  kind: 'dash' | 'key';
  col: number;
  key?: string;
}

export interface CursorContext {
  kind: 'key' | 'value';
  /** The mapping the key belongs to (for a value: the mapping holding `key`). */
  parentPath: SpecPath;
  /** For a value: the key it is the value of. */
  key?: string;
  /** Start of the word being typed, and the word so far. */
  from: number;
  prefix: string;
  /** Keys already present in the same mapping. */
  siblings: string[];
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"\-:][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=\s|$)/;

function unquote(key: string): string {
  return key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key;
}

/** The openers of one line, left to right, and the column its content starts at. */
export function openersOf(line: string): Opener[] {
  const openers: Opener[] = [];
  let col = line.length - line.trimStart().length;
  let rest = line.slice(col);
  if (rest.startsWith('#')) return openers;
  while (/^-(\s|$)/.test(rest)) {
    openers.push({ kind: 'dash', col });
    const step = 1 + (rest.slice(1).length - rest.slice(1).trimStart().length);
    col += step;
    rest = rest.slice(step);
  }
  const key = KEY.exec(rest);
  if (key?.[1]) openers.push({ kind: 'key', col, key: unquote(key[1]) });
  return openers;
}

const blank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

/** The containers of a key at `col`, from the lines (and same-line openers) before it. */
function ancestors(lines: string[], lineIndex: number, sameLine: Opener[], col: number): Opener[] {
  const chain: Opener[] = [];
  let limit = col;
  const consider = (opener: Opener) => {
    if (opener.col < limit) {
      chain.unshift(opener);
      limit = opener.col;
    } else if (
      opener.kind === 'key' &&
      opener.col === limit &&
      chain[0]?.kind === 'dash' &&
      chain[0].col === opener.col
    ) {
      // A sequence written at its key's own indentation ("services:\n- name: …").
      chain.unshift(opener);
    }
  };
  for (const opener of [...sameLine].reverse()) consider(opener);
  // Past column 0 only a sequence item still looks for the key that holds it.
  for (let i = lineIndex - 1; i >= 0 && (limit > 0 || chain[0]?.kind === 'dash'); i--) {
    const line = lines[i] ?? '';
    if (blank(line)) continue;
    for (const opener of openersOf(line).reverse()) consider(opener);
  }
  return chain;
}

function pathOf(chain: Opener[]): SpecPath {
  return chain.map((o) => (o.kind === 'dash' ? 0 : (o.key ?? '')));
}

/** Keys at `col` in the mapping that holds line `lineIndex`. */
function siblingKeys(lines: string[], lineIndex: number, col: number): string[] {
  const keys: string[] = [];
  const collect = (line: string) => {
    for (const o of openersOf(line)) if (o.kind === 'key' && o.col === col && o.key) keys.push(o.key);
  };
  const indentOf = (line: string) => line.length - line.trimStart().length;
  for (let i = lineIndex - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (blank(line)) continue;
    if (indentOf(line) < col) {
      // The line that opened this sequence item holds the item's first key.
      if (openersOf(line)[0]?.kind === 'dash') collect(line);
      break;
    }
    collect(line);
  }
  // Lines without a key (a wrapped value) belong to the mapping as long as they are indented in it.
  for (let i = lineIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (blank(line)) continue;
    if (indentOf(line) < col) break;
    collect(line);
  }
  return keys;
}

/** The completion context at `pos`, or undefined where the spec has nothing to offer. */
export function cursorContext(text: string, pos: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lineEndRaw = text.indexOf('\n', pos);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, pos);
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const lineText = text.slice(lineStart, lineEnd);

  // "  key: val|" — the value of a key.
  const value = /^(\s*(?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'":][^:#]*?)[ \t]*:[ \t]+(["']?)([^\s#"']*)$/.exec(before);
  if (value?.[2]) {
    const openers = openersOf(lineText);
    const keyOpener = openers[openers.length - 1];
    const dashes = openers.filter((o) => o.kind === 'dash');
    const col = keyOpener?.col ?? value[1]?.length ?? 0;
    const chain = ancestors(lines, lineIndex, dashes, col);
    const prefix = value[4] ?? '';
    return {
      kind: 'value',
      parentPath: pathOf(chain),
      key: unquote(value[2]),
      from: pos - prefix.length,
      prefix,
      siblings: [],
    };
  }

  // "  - ins|" or "  ins|" — a key being typed.
  const key = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)?$/.exec(before);
  if (key) {
    const prefix = key[2] ?? '';
    const col = (key[1] ?? '').length;
    const dashes = openersOf(`${before}x:`).filter((o) => o.kind === 'dash');
    const chain = ancestors(lines, lineIndex, dashes, col);
    const siblings = siblingKeys(lines, lineIndex, col);
    return { kind: 'key', parentPath: pathOf(chain), from: pos - prefix.length, prefix, siblings };
  }
  return undefined;
}
