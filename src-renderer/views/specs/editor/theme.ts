// The editor's look from the app's CSS variables, so light and dark follow prefers-color-scheme
// without reconfiguring CodeMirror. Syntax colours are variables too (see specs.css).
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: '12.5px',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)', padding: '8px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cm-selection)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--faint)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)', color: 'var(--text-2)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--neutral-bg)', border: 'none', color: 'var(--muted)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    boxShadow: '0 6px 24px rgba(0, 0, 0, 0.18)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: '#fff' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: '#fff' },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-completionInfo': { maxWidth: '360px', fontFamily: 'var(--font-sans)', fontSize: '12px' },
  '.cm-diagnostic': { fontFamily: 'var(--font-sans)', fontSize: '12px', padding: '4px 8px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger-dot)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning-dot)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-searchMatch': { backgroundColor: 'var(--cm-search)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--cm-search)', outline: 'none' },
});

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--cm-key)' },
  { tag: [t.string, t.special(t.string), t.content], color: 'var(--cm-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--cm-atom)' },
  { tag: [t.keyword, t.meta, t.definitionKeyword], color: 'var(--cm-keyword)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace], color: 'var(--cm-punct)' },
  { tag: [t.labelName, t.typeName], color: 'var(--cm-keyword)' },
  { tag: t.invalid, color: 'var(--danger)' },
]);

export const specTheme = [editorTheme, syntaxHighlighting(highlight)];
