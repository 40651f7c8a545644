// The editor's markers: local YAML errors and schema hints (recomputed as the user types), plus the
// API's problems from the last Validate, kept at their place while the text around them changes.
import type { Diagnostic } from '@codemirror/lint';
import { linter, lintGutter } from '@codemirror/lint';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { SpecProblem } from '../../../../src-preload/contract';
import { localMarks, rangeOfLine } from '../../../specSchema/problems';
import type { LiveHints } from '../../../specSchema/schema';

interface ApiMark {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
  source: string;
}

/** Replaces the markers of the last Validate; positions come from line/column on the current text. */
export const setApiProblems = StateEffect.define<SpecProblem[]>();

const apiMarks = StateField.define<ApiMark[]>({
  create: () => [],
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setApiProblems)) continue;
      const text = tr.state.doc.toString();
      return effect.value.map((p) => {
        // A problem without a line (the API named no field) sits on the first line.
        const range = rangeOfLine(text, p.line ?? 1, p.line ? p.column : undefined);
        return {
          ...range,
          severity: p.severity,
          message: p.message,
          source: p.source === 'api' ? 'DigitalOcean' : 'Validate',
        };
      });
    }
    if (!tr.docChanged) return marks;
    // Text typed above a marker moves it with its line instead of leaving it on the wrong one.
    return marks.map((m) => {
      const from = tr.changes.mapPos(m.from, 1);
      return { ...m, from, to: Math.max(from, tr.changes.mapPos(m.to, -1)) };
    });
  },
});

export function specLinter(live: () => LiveHints | undefined): Extension {
  const source = (view: EditorView): Diagnostic[] => {
    const text = view.state.doc.toString();
    const local: Diagnostic[] = localMarks(text, live()).map((m) => ({
      from: m.from,
      to: m.to,
      severity: m.severity,
      message: m.message,
      source: m.source === 'yaml' ? 'YAML' : 'App Spec',
    }));
    const api: Diagnostic[] = view.state.field(apiMarks).map((m) => ({
      from: Math.min(m.from, text.length),
      to: Math.min(m.to, text.length),
      severity: m.severity,
      message: m.message,
      source: m.source,
    }));
    return [...api, ...local];
  };
  return [
    apiMarks,
    linter(source, {
      delay: 250,
      // New API problems must show at once, not after the next keystroke.
      needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setApiProblems))),
    }),
    lintGutter(),
  ];
}
