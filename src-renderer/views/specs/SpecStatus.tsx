// The two status lines above the editor: where the draft stands on disk ("Saved 12:03:04",
// "Saving…", "Not saved: …") and what the API said of it ("Valid · $X/mo → $Y/mo", or its errors).
import type { SpecProblem } from '../../../src-preload/contract';
import { costDeltaTone, formatCostDelta } from '../../actionFormat';
import { RelativeTime } from '../../components/RelativeTime';
import { formatClockTime, formatUsd } from '../../format';
import type { SpecEditorEntry } from '../../stores/specEditorStore';
import '../actions/actionDialogs.css';

interface SaveLineProps {
  entry: SpecEditorEntry;
  onRetry: () => void;
  /** The draft is gone (applied or discarded elsewhere): start a new one holding this text. */
  onKeepAsNew: () => void;
}

export function SaveLine({ entry, onRetry, onKeepAsNew }: SaveLineProps) {
  const { save, draft, restoredAt } = entry;
  let line;
  if (save?.state === 'saving' || save?.state === 'pending') {
    line = <span className="spec-save spec-save--busy">Saving…</span>;
  } else if (save?.state === 'failed' && save.retryInSeconds === undefined) {
    line = (
      <span className="spec-save spec-save--failed" role="alert">
        Not saved: {save.error.message} Your text is kept here.{' '}
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={onKeepAsNew}
          data-testid="save-keep-as-new"
        >
          Keep it as a new draft
        </button>
      </span>
    );
  } else if (save?.state === 'failed') {
    line = (
      <span className="spec-save spec-save--failed" role="alert">
        Not saved: {save.error.message} Your text is kept here; retrying in {save.retryInSeconds} s.{' '}
        <button type="button" className="button button--quiet button--small" onClick={onRetry} data-testid="save-retry">
          Retry now
        </button>
      </span>
    );
  } else if (save?.state === 'saved') {
    line = <span className="spec-save">Saved {formatClockTime(save.savedAt)}</span>;
  } else if (draft && draft.yaml !== draft.baseYaml) {
    line = <span className="spec-save">Saved {formatClockTime(draft.updatedAt)}</span>;
  } else {
    line = <span className="spec-save muted">No changes yet — the draft is the live spec</span>;
  }
  return (
    <div className="spec-status__save" data-testid="save-status" data-state={save?.state ?? 'idle'}>
      {line}
      {restoredAt ? (
        <span className="spec-restored" data-testid="draft-restored">
          Restored draft from {formatClockTime(restoredAt)} (<RelativeTime iso={restoredAt} />)
        </span>
      ) : null}
    </div>
  );
}

/** "Line 12:3" for a problem tied to a place; its path, or what it is, otherwise. */
export const problemPlace = (p: SpecProblem) =>
  p.line
    ? `Line ${p.line}${p.column ? `:${p.column}` : ''}`
    : p.path
      ? p.path
      : p.severity === 'error'
        ? 'Error'
        : 'Note';

export function ValidationLine({ entry }: { entry: SpecEditorEntry }) {
  const { validating, validation, validationError, validatedText, text } = entry;
  if (validating)
    return (
      <div className="spec-validation" data-testid="validation-status">
        Validating with DigitalOcean…
      </div>
    );
  if (validationError) {
    return (
      <div
        className="spec-validation spec-validation--failed"
        role="alert"
        data-testid="validation-status"
        data-state="error"
      >
        Could not validate: {validationError.message}
      </div>
    );
  }
  if (!validation) {
    return (
      <div className="spec-validation muted" data-testid="validation-status" data-state="none">
        Not validated yet. Validate asks DigitalOcean to check the draft and price it.
      </div>
    );
  }
  const outdated = validatedText !== text;
  const errors = validation.problems.filter((p) => p.severity === 'error');
  // The API's own words first: it is the judge; the local checks only get there sooner.
  const sorted = [...(errors.length > 0 ? errors : validation.problems)].sort(
    (a, b) => Number(b.source === 'api') - Number(a.source === 'api'),
  );
  // One problem per field, as in the Problems list: the check agreeing with the API is not a second one.
  const fields = new Set<string>();
  const listed = sorted.filter((p) => !p.path || (!fields.has(p.path) && !!fields.add(p.path)));
  const before = validation.monthlyCostBefore;
  const after = validation.monthlyCostAfter;
  return (
    <div
      className={
        validation.valid ? 'spec-validation spec-validation--valid' : 'spec-validation spec-validation--invalid'
      }
      data-testid="validation-status"
      data-state={validation.valid ? 'valid' : 'invalid'}
      role={validation.valid ? 'status' : 'alert'}
    >
      {validation.valid ? (
        <span>
          <strong>Valid</strong>
          {before !== undefined && after !== undefined ? (
            <>
              {' · '}
              <span className="tabular" data-testid="validation-cost">
                {formatUsd(before)}/mo → {formatUsd(after)}/mo
              </span>{' '}
              <span className={`cost-delta cost-delta--${costDeltaTone(before, after)}`}>
                {formatCostDelta(before, after)}
              </span>
            </>
          ) : null}
        </span>
      ) : (
        <div>
          <strong>
            Not valid — {listed.length} problem{listed.length === 1 ? '' : 's'}:
          </strong>
          <ul className="spec-validation__list">
            {listed.slice(0, 3).map((p, i) => (
              <li key={i} data-testid="validation-problem" data-source={p.source}>
                {problemPlace(p)} — {p.message}
                {p.source === 'api' ? <span className="muted"> (DigitalOcean)</span> : null}
              </li>
            ))}
          </ul>
          {listed.length > 3 ? <span className="muted">and {listed.length - 3} more in Problems.</span> : null}
        </div>
      )}
      {outdated ? <span className="muted"> (for the text before your last edits)</span> : null}
    </div>
  );
}
