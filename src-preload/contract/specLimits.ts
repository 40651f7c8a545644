// How much YAML Fleetdeck agrees to read as an App Spec, on both sides of the bridge. An App Spec
// is a few KiB with a few hundred keys and values; these limits sit far above any real one and
// far below what takes a YAML parser seconds (256 KiB of 27,000 keys) or expands without end.
export const SPEC_LIMITS = {
  /** Bytes of text. */
  bytes: 512 * 1024,
  /** Keys and values (scalars, lists, mappings), counted as written and again with aliases expanded. */
  nodes: 20_000,
  /** Aliases (`*name`) written in the text. */
  aliases: 100,
  /** Levels of nesting, with aliases expanded (a spec needs about 7). */
  depth: 64,
} as const;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A check cheap enough for every keystroke, before any parse: the size, and the colons (every key
 * has one) as an upper bound of the keys. Main counts exactly while lexing; the editor only needs
 * to know not to freeze on a text main will refuse anyway. The reason in words, or undefined.
 */
export function quickSpecBreach(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > SPEC_LIMITS.bytes) {
    return `The spec is ${count(Math.ceil(bytes / 1024))} KiB; Fleetdeck reads specs up to ${SPEC_LIMITS.bytes / 1024} KiB (an App Spec is a few KiB).`;
  }
  let colons = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) colons++;
  if (colons > SPEC_LIMITS.nodes) {
    return `The spec has more than ${count(SPEC_LIMITS.nodes)} keys; Fleetdeck reads specs up to that many (an App Spec has a few hundred).`;
  }
  return undefined;
}
