// A React shell around one CodeMirror EditorView: created on mount, destroyed on unmount. The store's
// text flows in only when it differs from the editor's (an import, a rebase, a restored draft), as the
// smallest change, so typing never loses its cursor; the editor's own edits flow out through onChange.
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';

/** Marks transactions that bring the store's text in, so they are not echoed back as typing. */
const fromStore = Annotation.define<boolean>();

interface CodeEditorProps {
  value: string;
  /** Fixed for the editor's life: a new set means a new editor (use a key). */
  extensions: Extension[];
  onChange?: (text: string) => void;
  onView?: (view: EditorView | undefined) => void;
  label: string;
  testId?: string;
  className?: string;
}

/** The one replacement that turns `from` into `to`: common start and end are left alone. */
export function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

export function CodeEditor({ value, extensions, onChange, onView, label, testId, className }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const onChangeRef = useRef(onChange);
  const onViewRef = useRef(onView);
  const initial = useRef(value);
  const initialExtensions = useRef(extensions);

  useEffect(() => {
    onChangeRef.current = onChange;
    onViewRef.current = onView;
  });

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current,
        extensions: [
          initialExtensions.current,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.every((tr) => tr.annotation(fromStore))) return;
            onChangeRef.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    onViewRef.current?.(editor);
    return () => {
      onViewRef.current?.(undefined);
      view.current = undefined;
      editor.destroy();
    };
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === value) return;
    editor.dispatch({ changes: minimalChange(current, value), annotations: fromStore.of(true) });
  }, [value]);

  return <div ref={host} className={className ? `code-editor ${className}` : 'code-editor'} data-testid={testId} />;
}
