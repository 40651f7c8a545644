// How much YAML Fleetdeck agrees to read. An App Spec is a few KiB with a few hundred keys and
// values; these limits sit far above any real one and far below what takes the parser seconds
// (a 256 KiB file of 27,000 keys) or expands without end (an alias bomb, "billion laughs").
// Each refusal names its limit, and happens before the expensive part: the size before anything,
// the count of keys and values while lexing, aliases and their expansion before any walk.
import {
  CST,
  Lexer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

import { SPEC_LIMITS } from '../../../src-preload/contract/specLimits';

export { SPEC_LIMITS };

export interface LimitBreach {
  message: string;
  offset: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The size check: nothing is read past it. */
export function sizeBreach(text: string): LimitBreach | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= SPEC_LIMITS.bytes) return undefined;
  const kib = Math.ceil(bytes / 1024);
  return {
    offset: 0,
    message: `The spec is ${count(kib)} KiB; Fleetdeck reads specs up to ${SPEC_LIMITS.bytes / 1024} KiB (an App Spec is a few KiB). It was not read.`,
  };
}

/**
 * Lexes the text once, counting what will become nodes (scalars, aliases, flow collections); the
 * lexemes are handed on to the parser so the text is not lexed twice. Stops at the first breach.
 */
export function lexWithinLimits(text: string): { lexemes: string[] } | { breach: LimitBreach } {
  const lexemes: string[] = [];
  let nodes = 0;
  let aliases = 0;
  let offset = 0;
  let scalarBody = false;
  for (const lexeme of new Lexer().lex(text)) {
    lexemes.push(lexeme);
    if (scalarBody) scalarBody = false;
    else if (lexeme === CST.SCALAR) {
      // The plain or block scalar's text follows as the next lexeme.
      scalarBody = true;
      nodes++;
    } else {
      const first = lexeme[0];
      if (first === '"' || first === "'" || lexeme === '[' || lexeme === '{') nodes++;
      else if (first === '*') {
        nodes++;
        if (++aliases > SPEC_LIMITS.aliases) return { breach: aliasBreach(offset) };
      }
    }
    if (nodes > SPEC_LIMITS.nodes) return { breach: nodeBreach(offset) };
    // The lexer's control characters (document start, scalar marker…) are not in the text.
    if (lexeme !== CST.DOCUMENT && lexeme !== CST.SCALAR && lexeme !== CST.FLOW_END) offset += lexeme.length;
  }
  return { lexemes };
}

const nodeBreach = (offset: number): LimitBreach => ({
  offset,
  message: `The spec has more than ${count(SPEC_LIMITS.nodes)} keys and values; Fleetdeck reads specs up to ${count(SPEC_LIMITS.nodes)} (an App Spec has a few hundred). It was not read.`,
});

const aliasBreach = (offset: number): LimitBreach => ({
  offset,
  message: `The spec uses more than ${SPEC_LIMITS.aliases} aliases (*name); Fleetdeck reads specs with up to ${SPEC_LIMITS.aliases}. It was not read.`,
});

/**
 * Where each alias points, and whether the documents stay within the limits once aliases are
 * expanded: the size is computed per node and shared (never by expanding), so a bomb costs no more
 * to measure than its text. An alias inside the node it names is refused too.
 */
export function measureDocuments(
  docs: readonly Document[],
): { targets: Map<Alias, Node>; collections: Array<YAMLMap | YAMLSeq> } | { breach: LimitBreach } {
  const targets = new Map<Alias, Node>();
  const collections: Array<YAMLMap | YAMLSeq> = [];
  let written = 0;
  for (const doc of docs) {
    const anchors = new Map<string, Node>();
    // Document order, a node before its children: an alias names the last anchor before it.
    const stack: unknown[] = [doc.contents];
    while (stack.length) {
      const node = stack.pop();
      if (isPair(node)) {
        stack.push(node.value, node.key);
        continue;
      }
      if (!isMap(node) && !isSeq(node) && !isScalar(node) && !isAlias(node)) continue;
      if (++written > SPEC_LIMITS.nodes) return { breach: nodeBreach(node.range?.[0] ?? 0) };
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
        continue;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      if (!isMap(node) && !isSeq(node)) continue;
      collections.push(node);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  const sizes = new Map<unknown, { nodes: number; depth: number } | 'open'>();
  const expanded = (node: unknown, depth: number): { nodes: number; depth: number } | LimitBreach => {
    const target = isAlias(node) ? targets.get(node) : node;
    if (!isMap(target) && !isSeq(target)) return { nodes: isScalar(target) ? 1 : 0, depth: 0 };
    const known = sizes.get(target);
    if (known === 'open')
      return {
        offset: (node as Alias).range?.[0] ?? 0,
        message: `The alias *${(node as Alias).source} is inside the node it names, so it never ends. It was not read.`,
      };
    if (known) return known.depth + depth > SPEC_LIMITS.depth ? depthBreach(target.range?.[0] ?? 0) : known;
    if (depth >= SPEC_LIMITS.depth) return depthBreach(target.range?.[0] ?? 0);
    sizes.set(target, 'open');
    let nodes = 1;
    let deepest = 0;
    for (const item of target.items) {
      for (const child of isPair(item) ? [item.key, item.value] : [item]) {
        const size = expanded(child, depth + 1);
        if ('message' in size) return size;
        nodes += size.nodes;
        deepest = Math.max(deepest, size.depth);
        if (nodes > SPEC_LIMITS.nodes)
          return expansionBreach(isAlias(child) ? (child.range?.[0] ?? 0) : (target.range?.[0] ?? 0));
      }
    }
    const size = { nodes, depth: deepest + 1 };
    if (size.depth + depth > SPEC_LIMITS.depth) return depthBreach(target.range?.[0] ?? 0);
    sizes.set(target, size);
    return size;
  };
  let total = 0;
  for (const doc of docs) {
    const size = expanded(doc.contents, 0);
    if ('message' in size) return { breach: size };
    total += size.nodes;
    if (total > SPEC_LIMITS.nodes) return { breach: expansionBreach(doc.range?.[0] ?? 0) };
  }
  return { targets, collections };
}

const expansionBreach = (offset: number): LimitBreach => ({
  offset,
  message: `The spec's aliases (*name) expand to more than ${count(SPEC_LIMITS.nodes)} keys and values; Fleetdeck reads specs up to ${count(SPEC_LIMITS.nodes)}. A file like this (an alias bomb) was not read.`,
});

const depthBreach = (offset: number): LimitBreach => ({
  offset,
  message: `The spec nests more than ${SPEC_LIMITS.depth} levels deep (an App Spec needs about 7). It was not read.`,
});
