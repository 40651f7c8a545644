// The extension sets of the spec editor (editable, with hints and markers) and of the read-only
// views (diff sides, previews): a lean CodeMirror setup rather than basicSetup, so completion is ours.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { specCompletionSource } from '../../../specSchema/completions';
import type { LiveHints } from '../../../specSchema/schema';
import { specLinter } from './lintSource';
import { secretMask } from './secretMask';
import { specTheme } from './theme';

export interface SpecEditorOptions {
  live: () => LiveHints | undefined;
  /** Ctrl/Cmd+S. */
  onSave: () => void;
  /** The "change" button of a masked secret, with the text and the value's position. */
  onChangeSecret: (text: string, pos: number) => void;
}

export function specEditorExtensions(options: SpecEditorOptions): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    yaml(),
    autocompletion({ override: [specCompletionSource(options.live)], icons: false }),
    specLinter(options.live),
    secretMask(options.onChangeSecret),
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: () => {
          options.onSave();
          return true;
        },
      },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      ...searchKeymap,
      indentWithTab,
    ]),
    specTheme,
  ];
}

export function readOnlyExtensions(): Extension[] {
  return [
    lineNumbers(),
    highlightSpecialChars(),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    yaml(),
    secretMask(),
    specTheme,
  ];
}
