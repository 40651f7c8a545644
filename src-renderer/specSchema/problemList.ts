// The Problems list beside the editor: one entry per place, however many checks found it. A wrong
// size is refused by the API, caught by main's check and hinted locally; listing it three times
// reads as three problems. The most authoritative finder speaks (the API, then main's check, then
// the local YAML and hints) and the others are named as agreeing. Validate's problems belong to
// the text as it was then: after edits they are placed where their field is now.
import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { SpecProblem } from '../../src-preload/contract';
import { lineColumnOf, type Mark } from './problems';

export type ProblemBadge = 'API' | 'check' | 'YAML' | 'hint';

export interface ListedProblem {
  /** With its line and column in the text shown now. */
  problem: SpecProblem;
  badge: ProblemBadge;
  /** The other finders of the same thing at the same place. */
  agree: ProblemBadge[];
  /** From a Validate of an older text, and its field could not be found in this one. */
  unplaced?: boolean;
}

const RANK: Record<ProblemBadge, number> = { API: 0, check: 1, YAML: 2, hint: 3 };

const badgeOf = (p: SpecProblem, validated: boolean): ProblemBadge =>
  validated ? (p.source === 'api' ? 'API' : 'check') : p.source === 'yaml' ? 'YAML' : 'hint';

/** Where a dotted path is written in the text (a missing last field: its parent), or undefined. */
function locator(text: string): ((path: string) => { line: number; column: number } | undefined) | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  return (dotted) => {
    const parts = dotted.split('.');
    let node: unknown = doc.contents;
    let best: number | undefined = isNode(node) ? node.range?.[0] : undefined;
    let depth = 0;
    for (const part of parts) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
        if (!pair) break;
        best = isNode(pair.key) ? (pair.key.range?.[0] ?? best) : best;
        node = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(part)) {
        const item = node.items[Number(part)];
        if (!isNode(item)) break;
        best = item.range?.[0] ?? best;
        node = item;
      } else break;
      depth += 1;
    }
    // A missing field is placed at its parent, as main does; anything less found is gone.
    return best === undefined || depth < parts.length - 1 ? undefined : lineColumnOf(text, best);
  };
}

/**
 * Validate's problems (placed again when the text changed since) merged with the local ones, one
 * entry per place (the field's path, or the line when there is none), in line order.
 */
export function problemList(
  text: string,
  validated: readonly SpecProblem[],
  validatedText: string | undefined,
  local: readonly Mark[],
): ListedProblem[] {
  const changed = validatedText !== undefined && validatedText !== text;
  const locate = changed && validated.some((p) => p.path) ? locator(text) : undefined;
  const entries: ListedProblem[] = validated.map((p) => {
    if (!changed) return { problem: p, badge: badgeOf(p, true), agree: [] };
    const at = p.path ? locate?.(p.path) : undefined;
    return at
      ? { problem: { ...p, ...at }, badge: badgeOf(p, true), agree: [] }
      : { problem: p, badge: badgeOf(p, true), agree: [], unplaced: true };
  });
  for (const m of local) {
    const { from: _from, to: _to, ...problem } = m;
    entries.push({ problem, badge: badgeOf(problem, false), agree: [] });
  }

  const places = new Map<string, ListedProblem[]>();
  for (const e of entries) {
    const key = e.problem.path ? `path:${e.problem.path}` : `line:${e.problem.line ?? 0}:${e.badge}`;
    places.set(key, [...(places.get(key) ?? []), e]);
  }
  const out: ListedProblem[] = [];
  for (const group of places.values()) {
    const top = Math.min(...group.map((e) => RANK[e.badge]));
    const speakers = group.filter((e) => RANK[e.badge] === top);
    const agree = [...new Set(group.filter((e) => RANK[e.badge] !== top).map((e) => e.badge))];
    speakers.forEach((e, i) => out.push(i === 0 ? { ...e, agree } : e));
  }
  const lineOf = (e: ListedProblem) => e.problem.line ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => lineOf(a) - lineOf(b) || RANK[a.badge] - RANK[b.badge]);
}
