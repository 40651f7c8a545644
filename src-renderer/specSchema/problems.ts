// Local checks of a spec as the user types: YAML that does not parse (errors) and keys or values the
// App Spec does not describe (warnings: hints, not a gate — propose is the validator).
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { SpecProblem } from '../../src-preload/contract';
import { secretEnvs, scalarText } from './secrets';
import { yamlProblems } from './yamlErrors';
import { liveEnum, SPEC_ROOT, pathText, type HintNode, type LiveHints, type SpecPath } from './schema';
import { quickSpecBreach } from '../../src-preload/contract/specLimits';

/** A problem with its place in the text, ready to become an editor marker. */
export interface Mark extends SpecProblem {
  from: number;
  to: number;
}

/** 1-based line and column of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The offset range of a 1-based line (and column, when known) — the API's problems point there. */
export function rangeOfLine(text: string, line: number, column?: number): { from: number; to: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i++) start += (lines[i]?.length ?? 0) + 1;
  const content = lines[index] ?? '';
  const indent = content.length - content.trimStart().length;
  const from = start + (column ? Math.min(column - 1, content.length) : indent);
  return { from, to: Math.max(from, start + content.length) };
}

const mark = (text: string, from: number, to: number, problem: Omit<SpecProblem, 'line' | 'column'>): Mark => ({
  ...problem,
  ...lineColumnOf(text, from),
  from,
  to: Math.max(to, from),
});

export function yamlMarks(text: string): Mark[] {
  // Parsing such a text would freeze the window for many seconds; main refuses it anyway.
  const breach = quickSpecBreach(text);
  if (breach)
    return [mark(text, 0, 0, { source: 'yaml', severity: 'error', message: `${breach} It is not checked or saved.` })];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return yamlProblems(text, doc.errors).map(({ from, to, message }) =>
    mark(text, from, to, { source: 'yaml', severity: 'error', message }),
  );
}

const where = (path: SpecPath) => (path.length ? ` in ${pathText(path)}` : ' at the top level');

function typeMismatch(node: HintNode, value: YamlNode): string | undefined {
  const empty = isScalar(value) && value.value === null;
  if (node.t === 'array' && !isSeq(value) && !empty) return 'expects a list (items starting with "- ")';
  if (node.t === 'object' && !isMap(value) && !empty) return 'expects a mapping (key: value lines)';
  if (node.t && node.t !== 'array' && node.t !== 'object' && !isScalar(value)) return 'expects a single value';
  return undefined;
}

function walk(
  text: string,
  value: YamlNode | null,
  node: HintNode,
  path: SpecPath,
  live: LiveHints | undefined,
  out: Mark[],
): void {
  if (!value) return;
  const range = value.range ?? [0, 0, 0];
  const mismatch = typeMismatch(node, value);
  if (mismatch) {
    out.push(
      mark(text, range[0], range[1], {
        source: 'schema',
        severity: 'warning',
        path: pathText(path),
        message: `${pathText(path)} ${mismatch}.`,
      }),
    );
    return;
  }
  if (isMap(value) && node.p) {
    for (const pair of value.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) continue;
      const child = node.p[key];
      if (!child) {
        const r = keyNode?.range ?? range;
        out.push(
          mark(text, r[0], r[1], {
            source: 'schema',
            severity: 'warning',
            path: pathText([...path, key]),
            message: `Unknown key "${key}"${where(path)}: the App Spec does not describe it (Validate asks the API).`,
          }),
        );
        continue;
      }
      walk(text, pair.value as YamlNode | null, child, [...path, key], live, out);
    }
    return;
  }
  if (isSeq(value) && node.i) {
    value.items.forEach((item, index) =>
      walk(text, item as YamlNode | null, node.i as HintNode, [...path, index], live, out),
    );
    return;
  }
  if (isScalar(value) && value.value !== null && value.value !== undefined) {
    const key = typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string) : undefined;
    const shown = scalarText(value.value);
    const fromLive = liveEnum(key, live);
    // Legacy slugs the schema still lists are priced by the API as their current size: no warning.
    const allowed = fromLive ? [...fromLive.map((v) => v.value), ...(node.eo ?? [])] : node.e;
    if (allowed && !allowed.includes(shown)) {
      const list = fromLive
        ? key === 'region'
          ? 'the live region list'
          : 'the live instance-size list'
        : 'the App Spec';
      out.push(
        mark(text, range[0], range[1], {
          source: 'schema',
          severity: 'warning',
          path: pathText(path),
          message: `${key ?? pathText(path)} "${shown}" is not in ${list}.`,
        }),
      );
    }
  }
}

/** Unknown keys, values outside an enum, and lists/mappings in the wrong place. */
export function schemaMarks(text: string, live?: LiveHints): Mark[] {
  if (quickSpecBreach(text)) return [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return [];
  const out: Mark[] = [];
  walk(text, doc.contents, SPEC_ROOT, [], live, out);
  return out;
}

/** A SECRET typed in clear stays readable in the editor (the save keeps it out of the file): say so at its value. */
export function secretMarks(text: string): Mark[] {
  return secretEnvs(text)
    .filter((s) => s.clearText)
    .map((s) =>
      mark(text, s.from, s.to, {
        source: 'schema',
        severity: 'warning',
        path: s.id,
        message: `${s.key} is a SECRET typed in clear: it stays readable on screen (Fleetdeck keeps it out of the draft file). Use "Change" to enter secrets hidden.`,
      }),
    );
}

/** Everything the editor knows locally, YAML first (schema hints wait for YAML that parses). */
export function localMarks(text: string, live?: LiveHints): Mark[] {
  const yaml = yamlMarks(text);
  return yaml.length > 0 ? yaml : [...schemaMarks(text, live), ...secretMarks(text)];
}
