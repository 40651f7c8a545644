// Review before apply: the draft against the live spec side by side, the app's monthly cost before →
// after as DigitalOcean prices it, the API's problems, and the one button that applies.
import type { SpecProblem } from '../../../src-preload/contract';
import { costDeltaTone, describeError, formatCostDelta } from '../../actionFormat';
import { Dialog } from '../../components/Dialog';
import { LoadingState } from '../../components/LoadingState';
import { formatUsd } from '../../format';
import type { SpecEditorEntry } from '../../stores/specEditorStore';
import { DiffView } from './editor/DiffView';
import { secretName } from './SpecSidePanel';
import { problemPlace } from './SpecStatus';
import '../actions/actionDialogs.css';
import './specReview.css';

interface ReviewDialogProps {
  appName: string;
  entry: SpecEditorEntry;
  /** Why apply is off right now (a deployment running, read-only token…), from the action gate. */
  blocked?: string;
  onApply: () => void;
  onRetry: () => void;
  onClose: () => void;
}

/** Why Apply is off for this review, in words; undefined when it may be pressed. */
export function applyBlockedReason(entry: SpecEditorEntry, blocked?: string): string | undefined {
  const { review, reviewedText, applying, draft } = entry;
  const reenter = draft?.secretsToReenter ?? [];
  if (applying) return undefined;
  if (!review) return 'Waiting for the preview.';
  if (reenter.length > 0) {
    const one = reenter.length === 1;
    return `Enter ${reenter.map(secretName).join(', ')} again first: ${one ? 'its' : 'their'} new value was kept only in memory, and Fleetdeck has restarted since.`;
  }
  if (!review.valid) return fixFirst(review.problems);
  if (review.liveYaml === reviewedText && !draft?.pendingSecrets.length)
    return 'The draft is the same as the live spec: nothing to apply.';
  return blocked;
}

/** Who found the errors decides the words: DigitalOcean only when it did. */
function fixFirst(problems: readonly SpecProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.some((p) => p.source === 'yaml')) return 'Fix the YAML errors first.';
  if (errors.length > 0 && errors.every((p) => p.source === 'api')) return 'Fix the problems DigitalOcean found first.';
  return 'Fix the problems listed above first.';
}

export function ReviewDialog({ appName, entry, blocked, onApply, onRetry, onClose }: ReviewDialogProps) {
  const { review, reviewing, reviewError, reviewedText, applying, applyError, draft } = entry;
  const invalid = !!review && !review.valid;
  const reason = applyBlockedReason(entry, blocked);

  return (
    <Dialog
      title={`Review changes to ${appName}`}
      subtitle="Live spec on the left, your draft on the right. Nothing is sent until you apply."
      onClose={onClose}
      busy={applying}
      testId="review-dialog"
      width={1120}
      footer={
        <>
          <span className="dialog__aside">
            {reason && review ? (
              <span className="muted" data-testid="apply-blocked">
                {reason}
              </span>
            ) : null}
          </span>
          <button type="button" className="button" onClick={onClose} disabled={applying}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={onApply}
            disabled={!!reason || applying}
            title={reason}
            data-testid="apply-button"
          >
            {applying ? 'Applying…' : `Apply to ${appName}`}
          </button>
        </>
      }
    >
      {reviewing ? (
        <LoadingState label="Asking DigitalOcean to check and price the draft…" />
      ) : reviewError ? (
        <div className="spec-review__error" role="alert">
          <p>Could not prepare the review: {describeError(reviewError).title}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : review ? (
        <div className="spec-review">
          <CostLine before={review.monthlyCostBefore} after={review.monthlyCostAfter} />
          {invalid ? (
            <ul className="spec-review__problems" role="alert" data-testid="review-problems">
              {review.problems.map((p, i) => (
                <li key={i} className={`spec-review__problem spec-review__problem--${p.severity}`}>
                  <strong>{problemPlace(p)}</strong> — {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {draft?.pendingSecrets.length ? (
            <p className="spec-review__note">
              Apply also sends new values for {draft.pendingSecrets.length} secret
              {draft.pendingSecrets.length === 1 ? '' : 's'} ({draft.pendingSecrets.map(secretName).join(', ')}); they
              are not shown here.
            </p>
          ) : null}
          {applyError && applyError.code !== 'stale' ? (
            <p className="field-error" role="alert" data-testid="apply-error">
              Not applied: {describeError(applyError).title}
              {describeError(applyError).detail ? ` ${describeError(applyError).detail}` : ''}
            </p>
          ) : null}
          <DiffView
            before={review.liveYaml}
            after={reviewedText ?? ''}
            beforeLabel="Live spec"
            afterLabel="Your draft"
            testId="review-diff"
          />
          <p className="muted spec-review__footnote">
            Applying updates the app’s spec and starts a deployment; its progress shows on this page.
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}

function CostLine({ before, after }: { before?: number; after?: number }) {
  if (before === undefined || after === undefined) {
    return <p className="muted spec-cost">DigitalOcean did not price this draft.</p>;
  }
  return (
    <div className="spec-cost" data-testid="review-cost">
      <span className="spec-cost__label">Monthly cost</span>
      <span className="spec-cost__value tabular" data-testid="review-cost-before">
        {formatUsd(before)}/mo
      </span>
      <span className="spec-cost__arrow" aria-hidden="true">
        →
      </span>
      <span className="spec-cost__value spec-cost__value--after tabular" data-testid="review-cost-after">
        {formatUsd(after)}/mo
      </span>
      <span className={`cost-delta cost-delta--${costDeltaTone(before, after)}`} data-testid="review-cost-delta">
        {formatCostDelta(before, after)}
      </span>
      <span className="muted spec-cost__source">as priced by DigitalOcean for the whole app</span>
    </div>
  );
}
