// Which scalars of a draft may hold a SECRET's clear value. Decided on the document as the API
// would read it (aliases followed, merge keys expanded) and failing closed: any mapping anywhere,
// in any document of the text, that pairs a value with a type that is not exactly GENERAL is
// taken for a secret — duplicate keys, lower-case or odd types, components without a name, values
// that are lists or mappings, shapes the spec does not have. Its clear values never reach a file;
// those an env of the spec owns are kept in memory for apply, the rest are simply left out.
import { isMap, isPair, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { ApiError } from '../../clients/http/apiError';
import { envRefs, isEncrypted } from './secrets';
import { textOf, type SpecTree } from './specTree';
import { hasErrors, parseSpecYaml, rewriteScalars, type ParsedSpec } from './yamlSpec';

/** The one type that is surely not a secret (an env without a type is GENERAL too). */
const NOT_SECRET = 'GENERAL';

export interface PossibleSecret {
  /** The mapping as written (an env, or something that may be read as one). */
  map: YAMLMap;
  /** Every scalar with a clear value under any of its values, wherever it is written. */
  scalars: Scalar[];
}

/** The API's JSON decoder matches field names without regard to case: so do we, here. */
const named = (key: string | undefined, name: string) => key?.toLowerCase() === name;

export function possibleSecrets(parsed: ParsedSpec): PossibleSecret[] {
  const found: PossibleSecret[] = [];
  for (const map of parsed.collections) {
    if (!isMap(map)) continue;
    const entries = parsed.tree.entries(map);
    const values = entries.filter((e) => named(e.key, 'value'));
    if (values.length === 0) continue;
    const types = entries.filter((e) => named(e.key, 'type'));
    if (types.every((t) => isScalar(t.value) && t.value.value === NOT_SECRET)) continue;
    const scalars = new Set<Scalar>();
    for (const v of values) clearScalars(parsed.tree, v.value, scalars, new Set());
    if (scalars.size) found.push({ map, scalars: [...scalars] });
  }
  return found;
}

/** The clear values a text may hold for secrets: what an error echoing them must not carry. */
export const possibleSecretValues = (parsed: ParsedSpec): string[] => [
  ...new Set(possibleSecrets(parsed).flatMap((s) => s.scalars.map((scalar) => textOf(scalar)!))),
];

function clearScalars(tree: SpecTree, node: unknown, out: Set<Scalar>, seen: Set<unknown>): void {
  const resolved = tree.deref(node);
  if (resolved === undefined || seen.has(resolved)) return;
  seen.add(resolved);
  if (isScalar(resolved)) {
    const text = textOf(resolved);
    if (text !== undefined && text !== '' && !isEncrypted(text)) out.add(resolved);
    return;
  }
  if (!isMap(resolved) && !isSeq(resolved)) return;
  for (const item of resolved.items) {
    if (isPair(item)) {
      clearScalars(tree, item.key, out, seen);
      clearScalars(tree, item.value, out, seen);
    } else clearScalars(tree, item, out, seen);
  }
}

/**
 * The text as it may be written to disk: each clear value a secret may hold is emptied, except
 * that an env's own value goes back to what the base spec had for it when that is encrypted (the
 * secret stays unchanged until apply). Returns the values envs own, for memory. The parsed text's
 * syntax tree is rewritten in the process: parse again to read the result.
 */
export function withoutClearSecrets(
  parsed: ParsedSpec,
  baseYaml: string,
): { yaml: string; moved: Map<string, string> } {
  const { text: yaml } = parsed;
  // Over a limit nothing was read, so nothing can be told safe: the draft is not written.
  if (parsed.limit)
    throw new ApiError({ code: 'invalid_argument', message: `${parsed.limit} The draft was not saved.` });
  const moved = new Map<string, string>();
  const found = possibleSecrets(parsed);
  const strays = hasErrors(parsed.problems) ? unplacedValues(parsed) : undefined;
  if (found.length === 0 && !strays?.scalars.size && !strays?.tokens.length) return { yaml, moved };
  const owners = new Map<YAMLMap, string[]>();
  envRefs(parsed, owners);
  const base = new Map(
    envRefs(parseSpecYaml(baseYaml))
      .filter((r) => r.type === 'SECRET' && r.value !== undefined && isEncrypted(r.value))
      .map((r) => [r.id, r.value!]),
  );
  const edits = new Map<Scalar, string>();
  for (const { map, scalars } of found) {
    const ids = owners.get(map) ?? [];
    const own = parsed.tree.get(map, 'value');
    const clear = isScalar(own) && scalars.includes(own) ? textOf(own) : undefined;
    if (clear !== undefined) for (const id of ids) moved.set(id, clear);
    const restore = ids.length === 1 ? base.get(ids[0]!) : undefined;
    for (const scalar of scalars) {
      const next = scalar === own && restore !== undefined ? restore : '';
      // A scalar two secrets share (an anchor) is emptied rather than given either one's value.
      edits.set(scalar, edits.has(scalar) && edits.get(scalar) !== next ? '' : next);
    }
  }
  for (const scalar of strays?.scalars ?? []) edits.set(scalar, '');
  // Text the parser could not place at all is dropped from the copy on disk.
  for (const token of strays?.tokens ?? []) token.source = '';
  return { yaml: rewriteScalars(parsed, edits), moved };
}

/** The fields of an env that never hold its value. */
const ENV_FIELDS = new Set(['key', 'type', 'scope']);

/**
 * A text with a YAML error has no trustworthy shape: a value typed after a stray quote, a tab or a
 * missing colon ends up outside its env, or not in the document at all. Unsure, so emptied: every
 * scalar the parser left out of the document; in an env whose type is not GENERAL, all but its
 * key:, type: and scope:; and if such an env has no value: (it went elsewhere), every value:.
 */
function unplacedValues(parsed: ParsedSpec): { scalars: Set<Scalar>; tokens: Array<{ source: string }> } {
  const scalars = new Set<Scalar>();
  const placed = new Set<unknown>();
  let displaced = false;
  for (const collection of parsed.collections) {
    for (const item of collection.items) {
      for (const node of isPair(item) ? [item.key, item.value] : [item]) if (isScalar(node)) placed.add(node.srcToken);
    }
    if (!isMap(collection)) continue;
    const entries = parsed.tree.entries(collection);
    const hasValue = entries.some((e) => named(e.key, 'value'));
    // An env by its fields (a domain has a type too, but neither key: nor value:).
    if (!hasValue && !entries.some((e) => named(e.key, 'key'))) continue;
    if (entries.every((e) => !named(e.key, 'type') || (isScalar(e.value) && e.value.value === NOT_SECRET))) continue;
    displaced ||= !hasValue;
    for (const pair of collection.items) {
      const key = textOf(parsed.tree.deref(pair.key))?.toLowerCase();
      if (key !== undefined && ENV_FIELDS.has(key)) continue;
      if (key !== 'value') clearScalars(parsed.tree, pair.key, scalars, new Set());
      clearScalars(parsed.tree, pair.value, scalars, new Set());
    }
  }
  for (const doc of parsed.docs) if (isScalar(doc.contents)) placed.add(doc.contents.srcToken);
  if (displaced) {
    for (const collection of parsed.collections) {
      if (!isMap(collection)) continue;
      for (const e of parsed.tree.entries(collection))
        if (named(e.key, 'value')) clearScalars(parsed.tree, e.value, scalars, new Set());
    }
  }
  const tokens: Array<{ source: string }> = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(walk);
    if (typeof token !== 'object' || token === null) return;
    const { type, source } = token as { type?: string; source?: unknown };
    if (
      typeof source === 'string' &&
      (type === 'error' ||
        type === 'scalar' ||
        type === 'single-quoted-scalar' ||
        type === 'double-quoted-scalar' ||
        type === 'block-scalar')
    ) {
      if (!placed.has(token) && source.trim() !== '' && !isEncrypted(source.trim()))
        tokens.push(token as { source: string });
    }
    for (const value of Object.values(token)) if (typeof value === 'object') walk(value);
  };
  walk(parsed.tokens);
  return { scalars, tokens };
}
