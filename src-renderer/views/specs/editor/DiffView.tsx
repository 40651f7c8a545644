// Two YAML texts side by side (CodeMirror's MergeView), read-only, unchanged stretches folded away,
// secrets masked. Used by Review (live → draft) and by the stale three-way view.
import { MergeView } from '@codemirror/merge';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { readOnlyExtensions } from './extensions';

interface DiffViewProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  testId?: string;
}

export function DiffView({ before, after, beforeLabel, afterLabel, testId }: DiffViewProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const merge = new MergeView({
      parent: host.current,
      // Long lines wrap: half a dialog is too narrow to scroll sideways through a run_command.
      a: {
        doc: before,
        extensions: [
          readOnlyExtensions(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': beforeLabel }),
        ],
      },
      b: {
        doc: after,
        extensions: [
          readOnlyExtensions(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': afterLabel }),
        ],
      },
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    return () => merge.destroy();
  }, [before, after, beforeLabel, afterLabel]);

  const same = before === after;
  return (
    <div className="spec-diff" data-testid={testId}>
      <div className="spec-diff__labels" aria-hidden="true">
        <span>{beforeLabel}</span>
        <span>{afterLabel}</span>
      </div>
      {same ? <p className="spec-diff__same muted">No differences.</p> : null}
      <div ref={host} className="spec-diff__body" />
    </div>
  );
}
