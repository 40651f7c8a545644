// How the palette orders what it finds: every word typed must land somewhere in an item (in any
// order, as a prefix, inside a word, or one slip away), recent items float up, and results come
// in groups ordered by their best match. Pure: no React, no stores, no clock.

export type PaletteGroup = 'Actions' | 'Apps' | 'Components' | 'Domains' | 'Views';

/** When nothing else decides, groups come in this order. */
export const GROUP_ORDER: readonly PaletteGroup[] = ['Actions', 'Apps', 'Components', 'Domains', 'Views'];

export interface Rankable {
  /** Stable across refreshes and sessions: recents are kept by it. */
  id: string;
  group: PaletteGroup;
  label: string;
  /** Other words the item answers to (its app, component, product, synonyms). */
  keywords: readonly string[];
  /**
   * For actions: the verbs that name them ("deploy", "ship"). An action whose verb was not typed
   * still matches by its app, but below the app itself, so "bibbi" finds the app first.
   */
  verbs?: readonly string[];
}

export interface RankedGroup<T> {
  group: PaletteGroup | 'Recent';
  items: T[];
}

/** How well one typed word matches, best first. */
const EXACT = 1;
const PREFIX = 0.9;
const INSIDE = 0.7;
const TYPO = 0.55;
const SCATTERED = 0.3;
/** An action found only by its app's name (no verb typed). */
const WITHOUT_VERB = 0.6;
/** Added for the most recent item, less for older ones: enough to break near-ties, not to lift a poor match. */
const RECENT_BOOST = 0.25;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Optimal string alignment distance (a swap of two neighbours counts once), stopped past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Slips forgiven: none in short words (too many false friends), one from 4 letters, two from 8. */
const allowedSlips = (token: string) => (token.length >= 8 ? 2 : token.length >= 4 ? 1 : 0);

function isSubsequence(token: string, text: string): boolean {
  let at = 0;
  for (const ch of text) if (ch === token[at]) at++;
  return at === token.length;
}

/** One typed word against an item's words and whole text. */
export function tokenScore(token: string, itemWords: readonly string[], whole: string): number {
  let best = 0;
  const slips = allowedSlips(token);
  for (const word of itemWords) {
    if (word === token) return EXACT;
    if (word.startsWith(token)) best = Math.max(best, PREFIX);
    else if (word.includes(token)) best = Math.max(best, INSIDE);
    else if (slips > 0 && best < TYPO) {
      // A slip in the whole word, or in the part of it typed so far ("taksif" for "taskifai").
      const head = word.slice(0, token.length);
      if (editDistance(token, word, slips) <= slips || editDistance(token, head, slips) <= slips) best = TYPO;
    }
  }
  if (best === 0 && whole.includes(token)) best = INSIDE;
  if (best === 0 && token.length >= 3 && isSubsequence(token, whole)) best = SCATTERED;
  return best;
}

/** 0 when some typed word matches nothing; otherwise higher is better (about 0.3 to 1.05). */
export function scoreItem(query: string, item: Rankable): number {
  const tokens = words(query);
  if (tokens.length === 0) return 0;
  const labelWords = words(item.label);
  const itemWords = [...new Set([...labelWords, ...item.keywords.flatMap(words), ...(item.verbs ?? [])])];
  const whole = [item.label, ...item.keywords].join(' ').toLowerCase();
  const verbs = item.verbs ?? [];
  let sum = 0;
  let verbTyped = verbs.length === 0;
  for (const token of tokens) {
    const score = tokenScore(token, itemWords, whole);
    if (score === 0) return 0;
    sum += score;
    if (!verbTyped && tokenScore(token, verbs, verbs.join(' ')) >= TYPO) verbTyped = true;
  }
  let score = sum / tokens.length;
  // Typed in the order the label reads: a small edge ("api taskifai" still finds the same).
  const positions = tokens.map((t) => labelWords.findIndex((w) => w.startsWith(t)));
  if (positions.length > 1 && positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))) score += 0.05;
  return verbTyped ? score : score * WITHOUT_VERB;
}

export interface RankOptions {
  /** Item ids, most recent first. */
  recent: readonly string[];
  /** Items kept per group when searching. */
  perGroup?: number;
  /** With nothing typed: how many recent items lead, and which groups follow (in order). */
  idle?: { recent: number; groups: readonly PaletteGroup[]; perGroup: number };
}

const DEFAULT_IDLE = { recent: 5, groups: ['Views', 'Apps'] as const, perGroup: 20 };

/**
 * Nothing typed: the recent items, then the idle groups as given. Something typed: the matches by
 * group, groups ordered by their best item, each group best first.
 */
export function rank<T extends Rankable>(items: readonly T[], query: string, options: RankOptions): RankedGroup<T>[] {
  const recentIndex = new Map(options.recent.map((id, i) => [id, i]));
  const boost = (id: string) => {
    const i = recentIndex.get(id);
    return i === undefined ? 0 : RECENT_BOOST * (1 - i / Math.max(options.recent.length, 1));
  };

  if (words(query).length === 0) {
    const idle = options.idle ?? DEFAULT_IDLE;
    const byId = new Map(items.map((item) => [item.id, item]));
    const recent = options.recent.flatMap((id) => byId.get(id) ?? []).slice(0, idle.recent);
    const shown = new Set(recent.map((item) => item.id));
    const groups: RankedGroup<T>[] = recent.length > 0 ? [{ group: 'Recent', items: recent }] : [];
    for (const group of idle.groups) {
      const list = items.filter((item) => item.group === group && !shown.has(item.id)).slice(0, idle.perGroup);
      if (list.length > 0) groups.push({ group, items: list });
    }
    return groups;
  }

  const scored = items
    .map((item, order) => ({ item, order, score: scoreItem(query, item) }))
    .filter((s) => s.score > 0)
    .map((s) => ({ ...s, score: s.score + boost(s.item.id) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);

  const perGroup = options.perGroup ?? 6;
  const groups = new Map<PaletteGroup, { best: number; items: T[] }>();
  for (const { item, score } of scored) {
    const entry = groups.get(item.group) ?? { best: score, items: [] };
    if (entry.items.length < perGroup) entry.items.push(item);
    groups.set(item.group, entry);
  }
  return [...groups.entries()]
    .sort(([ga, a], [gb, b]) => b.best - a.best || GROUP_ORDER.indexOf(ga) - GROUP_ORDER.indexOf(gb))
    .map(([group, entry]) => ({ group, items: entry.items }));
}
