// The live spec moved on after the draft started: nothing was applied and the draft is kept. The
// three-way view shows what changed live (base → live) beside what the user changed (base → draft);
// a rebase is offered only when both sets of changes merge cleanly.
import { useMemo } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatAbsoluteTime } from '../../format';
import { rebaseDraft } from '../../specSchema/rebase';
import type { SpecEditorEntry, StaleState } from '../../stores/specEditorStore';
import { DiffView } from './editor/DiffView';
import './specReview.css';

interface StaleDialogProps {
  appName: string;
  entry: SpecEditorEntry;
  stale: StaleState;
  onRebase: () => void;
  onCopy: () => void;
  onExport: () => void;
  onClose: () => void;
}

export function StaleDialog({ appName, entry, stale, onRebase, onCopy, onExport, onClose }: StaleDialogProps) {
  const base = entry.draft?.baseYaml ?? '';
  const draft = entry.text ?? '';
  const merge = useMemo(() => rebaseDraft(base, draft, stale.liveYaml), [base, draft, stale.liveYaml]);
  const rebaseBlocked = merge.ok
    ? undefined
    : `${merge.reason} Rebase by hand: copy your draft, discard it, and make your changes again on the live spec.`;

  return (
    <Dialog
      title={
        stale.reason === 'apply'
          ? `Not applied: ${appName} changed since your draft started`
          : `${appName} changed since your draft started`
      }
      subtitle={`Your draft started from the live spec of ${formatAbsoluteTime(entry.draft?.createdAt)}. Nothing was applied; your draft is kept as it is.`}
      onClose={onClose}
      testId="stale-dialog"
      width={1180}
      footer={
        <>
          <span className="dialog__aside">
            {rebaseBlocked ? (
              <span className="muted" data-testid="rebase-unavailable">
                {rebaseBlocked}
              </span>
            ) : null}
          </span>
          <button type="button" className="button" onClick={onCopy} data-testid="copy-draft">
            Copy my draft
          </button>
          <button type="button" className="button" onClick={onExport}>
            Export my draft
          </button>
          {!rebaseBlocked ? (
            <button type="button" className="button button--primary" onClick={onRebase} data-testid="rebase-button">
              Rebase my draft on the live spec
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p className="dialog__lead">
        Applying now would overwrite those live changes, so Fleetdeck refused. Compare the three versions: the{' '}
        <strong>base</strong> your draft started from, the <strong>live</strong> spec now, and{' '}
        <strong>your draft</strong>.
      </p>
      <div className="spec-three-way" data-testid="three-way">
        <section>
          <h3 className="spec-three-way__title">Changed on the live app since your draft started</h3>
          <DiffView
            before={base}
            after={stale.liveYaml}
            beforeLabel="Base (when your draft started)"
            afterLabel="Live now"
            testId="three-way-live"
          />
        </section>
        <section>
          <h3 className="spec-three-way__title">Your changes</h3>
          <DiffView
            before={base}
            after={draft}
            beforeLabel="Base (when your draft started)"
            afterLabel="Your draft"
            testId="three-way-draft"
          />
        </section>
      </div>
    </Dialog>
  );
}
