// What the Logs view shows and highlights: a filter that hides lines (text or regex, keep or
// drop matches, by level, by source) and a search that only marks matches. Markers (gaps,
// redeploys) pass every filter but the source one: a hidden gap would be a silent one.
import type { LogLevel } from '../../../src-preload/contract';
import type { BufferedLine } from './logBuffer';

/** `none`: lines that state no level. */
export type LevelChoice = LogLevel | 'none';
export const LEVEL_CHOICES: readonly LevelChoice[] = ['error', 'warn', 'info', 'debug', 'none'];

export interface TextMatch {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

export interface LogFilterSpec extends TextMatch {
  /** Hide the lines that match instead of those that do not. */
  exclude: boolean;
  levels: LevelChoice[];
  hiddenSources: string[];
}

export const EMPTY_FILTER: LogFilterSpec = {
  text: '',
  regex: false,
  caseSensitive: false,
  exclude: false,
  levels: [...LEVEL_CHOICES],
  hiddenSources: [],
};

export interface Compiled<T> {
  value: T;
  /** Why the pattern cannot be used (an invalid regex); the filter then lets everything through. */
  error?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A global regex for the text, or undefined when there is nothing to match. */
export function compileMatcher(match: TextMatch): Compiled<RegExp | undefined> {
  if (!match.text) return { value: undefined };
  try {
    return { value: new RegExp(match.regex ? match.text : escape(match.text), match.caseSensitive ? 'g' : 'gi') };
  } catch (error) {
    return { value: undefined, error: error instanceof Error ? error.message : 'Invalid pattern' };
  }
}

export function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

export function compileFilter(spec: LogFilterSpec): Compiled<(line: BufferedLine) => boolean> {
  const matcher = compileMatcher(spec);
  const pattern = matcher.value;
  const levels = new Set(spec.levels);
  const allLevels = LEVEL_CHOICES.every((l) => levels.has(l));
  const hidden = new Set(spec.hiddenSources);
  const test = (line: BufferedLine): boolean => {
    if (hidden.size > 0 && hidden.has(line.source)) return false;
    if (line.marker) return true;
    if (!allLevels && !levels.has(line.level ?? 'none')) return false;
    if (!pattern) return true;
    return matches(pattern, line.message) !== spec.exclude;
  };
  return matcher.error ? { value: test, error: matcher.error } : { value: test };
}

/** [start, end) of every match in `text`, for highlighting. */
export function matchRanges(pattern: RegExp | undefined, text: string): Array<[number, number]> {
  if (!pattern) return [];
  const out: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
    if (out.length > 200) break;
  }
  return out;
}

/**
 * The next row from `from` in direction `dir` that satisfies `test`, wrapping around; -1 when
 * none does. `from` -1 starts at the first (or, going back, the last) row.
 */
export function findRow<T>(
  rows: readonly T[],
  from: number,
  dir: 1 | -1,
  test: (row: T, index: number) => boolean,
): number {
  const n = rows.length;
  if (n === 0) return -1;
  const start = from < 0 ? (dir === 1 ? -1 : n) : from;
  for (let step = 1; step <= n; step++) {
    const i = (((start + dir * step) % n) + n) % n;
    if (test(rows[i]!, i)) return i;
  }
  return -1;
}

/**
 * The first line of an error: an error line not continuing the one before it (the frames of a
 * stack trace come from the same source at the same time), so jumps go error by error.
 */
export function startsError(rows: readonly BufferedLine[], index: number): boolean {
  const line = rows[index];
  if (!line || line.level !== 'error' || line.marker) return false;
  const before = rows[index - 1];
  return (
    !before ||
    before.level !== 'error' ||
    before.source !== line.source ||
    before.ts.slice(0, 23) !== line.ts.slice(0, 23)
  );
}

/** Pretty JSON for the line detail; the raw message if it does not parse. */
export function prettyJson(message: string): string {
  try {
    return JSON.stringify(JSON.parse(message), null, 2);
  } catch {
    return message;
  }
}

/** The line as a download writes it: `time source message`. */
export const lineAsText = (line: BufferedLine): string =>
  line.marker ? `${line.ts} ${line.source} --- ${line.message} ---` : `${line.ts} ${line.source} ${line.message}`;
