// Autocompletion for the spec editor: the keys the App Spec allows at the cursor's position and the
// values it knows for a key (enums, booleans), with the live size and region lists in place of the
// schema's older enums.
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { cursorContext } from './cursorContext';
import { liveEnum, nodeAt, type HintNode, type LiveHints } from './schema';

const CONTAINER = new Set(['object', 'array']);

function keyOption(key: string, node: HintNode, indent: string): Completion {
  const container = node.t !== undefined && CONTAINER.has(node.t);
  // A list or mapping key opens its block on the next line; a scalar key waits for its value.
  const apply = container ? `${key}:\n${indent}  ${node.t === 'array' ? '- ' : ''}` : `${key}: `;
  return {
    label: key,
    type: container ? 'namespace' : 'property',
    detail: node.dep ? `${node.t ?? ''} · deprecated` : node.t,
    info: node.d,
    apply,
    boost: node.dep ? -10 : 0,
  };
}

export function valueOptions(
  key: string | undefined,
  node: HintNode | undefined,
  live: LiveHints | undefined,
): Completion[] {
  const fromLive = liveEnum(key, live);
  if (fromLive) return fromLive.map((v) => ({ label: v.value, type: 'enum', detail: v.detail, info: v.info }));
  if (!node) return [];
  if (node.e) {
    return node.e.map((value) => {
      const legacy = node.eo?.includes(value);
      return {
        label: value,
        type: 'enum',
        detail: legacy ? 'legacy' : undefined,
        info: node.ed?.[value],
        boost: legacy ? -10 : 0,
      };
    });
  }
  if (node.t === 'boolean') return ['true', 'false'].map((label) => ({ label, type: 'keyword' }));
  return [];
}

/** What completion offers at `pos` of `text` (exported for tests; the editor uses the source). */
export function completionsAt(
  text: string,
  pos: number,
  live: LiveHints | undefined,
): { from: number; options: Completion[] } | undefined {
  const context = cursorContext(text, pos);
  if (!context) return undefined;
  if (context.kind === 'value') {
    const options = valueOptions(context.key, nodeAt([...context.parentPath, context.key ?? '']), live);
    return options.length ? { from: context.from, options } : undefined;
  }
  const parent = nodeAt(context.parentPath);
  if (!parent?.p) return undefined;
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const indent = ' '.repeat(context.from - lineStart);
  const taken = new Set(context.siblings);
  const options = Object.entries(parent.p)
    .filter(([key]) => !taken.has(key))
    .map(([key, node]) => keyOption(key, node, indent));
  return options.length ? { from: context.from, options } : undefined;
}

/** The CodeMirror source; `live` is read on every request so new lists apply at once. */
export function specCompletionSource(live: () => LiveHints | undefined): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w.-]*/);
    if (!context.explicit && (!word || word.from === word.to)) {
      // After "key: " a value list is worth opening unasked; an empty key position is not.
      const before = context.state.sliceDoc(Math.max(0, context.pos - 2), context.pos);
      if (before !== ': ') return null;
    }
    const found = completionsAt(context.state.doc.toString(), context.pos, live());
    if (!found) return null;
    return { from: found.from, options: found.options, validFor: /^[\w.-]*$/ };
  };
}
