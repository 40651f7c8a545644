// The YAML parser's errors, for a person and at the right line. The parser reports where it gave
// up, which is often not where the mistake is: an over-indented line is blamed on the line above
// it (it reads the two as one multi-line key), an unclosed quote or bracket on the end of the text.
// So each error is moved to the line to fix and worded as what to do there; one mistake that trips
// several errors on one line is said once.
import type { YAMLError } from 'yaml';

export interface YamlProblem {
  from: number;
  to: number;
  message: string;
}

interface Line {
  from: number;
  to: number;
  content: string;
  indent: number;
}

function linesOf(text: string): Line[] {
  let from = 0;
  return text.split('\n').map((content) => {
    const line = { from, to: from + content.length, content, indent: content.length - content.trimStart().length };
    from += content.length + 1;
    return line;
  });
}

const indexAt = (lines: Line[], offset: number) => {
  const i = lines.findIndex((l) => offset <= l.to);
  return i < 0 ? lines.length - 1 : i;
};

/** "key: value" on one line (a list item's "- " aside). */
const KEY_VALUE = /^(- )?[^\s:#][^:#]*:\s+\S/;
const HAS_KEY = /^(- )?[^\s:#][^:#]*:(\s|$)/;

/** The nearest line at or before `index` that opens `open` more often than it closes `close`. */
function unclosedLine(lines: Line[], index: number, open: string, close: string): number {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const c = lines[i]!.content;
    const count = (ch: string) => c.split(ch).length - 1;
    if (open === close ? count(open) % 2 === 1 : count(open) > count(close)) return i;
  }
  return index;
}

function describe(lines: Line[], error: YAMLError): { index: number; message: string } {
  const at = indexAt(lines, error.pos[0]);
  const line = lines[at]!;
  const text = line.content.trim();
  const nextIndex = lines.findIndex((l, i) => i > at && l.content.trim() !== '');
  const next = nextIndex >= 0 ? lines[nextIndex] : undefined;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { index: at, message: 'A tab indents this line: YAML indents with spaces only.' };
    case 'DUPLICATE_KEY': {
      const key = /^(- )?([^:]+):/.exec(text)?.[2]?.trim() ?? 'This key';
      return { index: at, message: `"${key}" appears twice in the same mapping: keep one of them.` };
    }
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(error.message))
        return {
          index: at,
          message: 'This list item is not lined up with the items above it: align its "-" with theirs.',
        };
      if (/compact mappings/i.test(error.message) && next && KEY_VALUE.test(text) && next.indent > line.indent)
        return {
          index: nextIndex,
          message: `This line is indented deeper than the line above, which already has its value: indent it by ${line.indent} spaces like its neighbours.`,
        };
      if (/compact mappings/i.test(error.message))
        return {
          index: at,
          message:
            'A value can’t hold another "key: value" on the same line: quote the value, or put the key on a line of its own.',
        };
      if (!HAS_KEY.test(text))
        return { index: at, message: `"${text}" needs a colon and a space after its key, as in "key: value".` };
      if (next && KEY_VALUE.test(text) && next.indent > line.indent)
        return {
          index: nextIndex,
          message: `This line is indented deeper than the line above, which already has its value: indent it by ${line.indent} spaces like its neighbours.`,
        };
      return { index: at, message: 'The indentation here doesn’t match the lines around it.' };
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        const quote = error.message.includes("'") ? "'" : '"';
        return {
          index: unclosedLine(lines, at, quote, quote),
          message: `A ${quote} opened on this line is never closed.`,
        };
      }
      if (/\]|flow sequence/i.test(error.message))
        return {
          index: unclosedLine(lines, at, '[', ']'),
          message: 'A "[" opened on this line is never closed with "]".',
        };
      if (/\}|flow map/i.test(error.message))
        return {
          index: unclosedLine(lines, at, '{', '}'),
          message: 'A "{" opened on this line is never closed with "}".',
        };
      return { index: at, message: `"${text}" needs a colon and a space after its key, as in "key: value".` };
    case 'BAD_INDENT':
      if (/flow sequence/i.test(error.message))
        return {
          index: unclosedLine(lines, at, '[', ']'),
          message: 'A "[" opened on this line is never closed with "]".',
        };
      if (/flow mapping/i.test(error.message))
        return {
          index: unclosedLine(lines, at, '{', '}'),
          message: 'A "{" opened on this line is never closed with "}".',
        };
      return { index: at, message: 'This line’s indentation doesn’t fit the block it is in.' };
    default: {
      const words = error.message.split('\n')[0] ?? error.message;
      return { index: at, message: `The YAML doesn’t parse here: ${words.replace(/\.?$/, '.')}` };
    }
  }
}

/** The parser's errors as problems at the line to fix, one per line, worded for a person. */
export function yamlProblems(text: string, errors: readonly YAMLError[]): YamlProblem[] {
  const lines = linesOf(text);
  const seen = new Set<number>();
  const out: YamlProblem[] = [];
  for (const error of errors) {
    const { index, message } = describe(lines, error);
    if (seen.has(index)) continue;
    seen.add(index);
    const line = lines[index]!;
    out.push({ from: line.from + line.indent, to: Math.max(line.to, line.from + line.indent), message });
  }
  return out;
}
