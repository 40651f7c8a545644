// The live panel on an app's page: the deployment an action started (or one already running when
// the page opened), its steps and clock, Cancel while it runs, and the last action's failure.
import { useEffect, useState } from 'react';
import type { DeploymentProgress, DeploymentSummary, FleetApp, ProgressStep } from '../../../src-preload/contract';
import {
  cancelConsequence,
  describeError,
  failureHeadline,
  elapsedNow,
  outcomeLine,
  shortId,
  stepTone,
} from '../../actionFormat';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/Dialog';
import { InlineWarning } from '../../components/ErrorState';
import { PhaseBadge } from '../../components/PhaseBadge';
import { useTicker } from '../../components/useTicker';
import { formatDuration, phaseLabel } from '../../format';
import { useActionsStore } from '../../stores/actionsStore';
import { WithShortIds } from './ShortIds';
import { useActionGate } from './useActionGate';
import './progress.css';

export function DeploymentProgressPanel({ app }: { app: FleetApp }) {
  const { state } = useActionGate(app);
  const dismiss = useActionsStore((s) => s.dismiss);
  const follow = useActionsStore((s) => s.follow);
  const unfollow = useActionsStore((s) => s.unfollow);
  const { progress, followingId, failure, watchError } = state;
  // Before the watch's first event, the app's own read says which deployment is running.
  const reported = app.inProgressDeployment;
  const reportedRunning = !!reported && !(progress?.deploymentId === reported.id && progress.terminal);
  const followId = progress && !progress.terminal ? progress.deploymentId : reportedRunning ? reported?.id : undefined;

  // Live progress is followed while this page shows the app; the store also stops at the end.
  useEffect(() => {
    if (followId) follow(app.id, followId);
  }, [app.id, followId, follow]);
  useEffect(() => () => unfollow(app.id), [app.id, unfollow]);

  const waiting = !progress && followingId && reported?.id === followingId ? reported : undefined;
  const words = failure ? describeError(failure.error) : undefined;

  return (
    <>
      {failure && words ? (
        <div className="action-error" role="alert" data-testid="action-error" data-code={failure.error.code}>
          <span className="action-error__icon" aria-hidden="true">
            !
          </span>
          <div className="action-error__text">
            <strong>{failureHeadline(failure.action, failure.error)}</strong> {words.title}
            {words.detail ? <span className="action-error__detail"> {words.detail}</span> : null}
            {failure.error.requestId ? (
              <span className="action-error__detail">
                {' '}
                Request <code className="selectable">{failure.error.requestId}</code>
              </span>
            ) : null}
          </div>
          <button type="button" className="button button--quiet" onClick={() => dismiss(app.id)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {followId && app.queuedDeployment?.id === followId && app.inProgressDeployment ? (
        <p className="muted" data-testid="deployment-queued">
          Waiting for deployment <code>{shortId(app.inProgressDeployment.id)}</code> (
          {phaseLabel(app.inProgressDeployment.phase)}) to end: App Platform runs one deployment at a time, and this one
          begins after it.
        </p>
      ) : null}
      {progress ? (
        <ProgressCard app={app} progress={progress} receivedAt={state.progressAt} onDismiss={() => dismiss(app.id)} />
      ) : waiting ? (
        <WaitingCard deployment={waiting} />
      ) : null}
      {watchError && (progress ? !progress.terminal : !!followingId) ? (
        <InlineWarning error={watchError}>
          Live progress is unavailable right now; Refresh shows where the deployment stands.
        </InlineWarning>
      ) : null}
    </>
  );
}

function WaitingCard({ deployment }: { deployment: DeploymentSummary }) {
  return (
    <section
      className="progress-card"
      data-testid="deployment-progress"
      data-phase={deployment.phase}
      aria-label="Deployment in progress"
    >
      <header className="progress-card__header">
        <PhaseBadge phase={deployment.phase} />
        <span className="progress-card__title">
          Deployment <code>{shortId(deployment.id)}</code>
        </span>
        <span className="muted">
          <WithShortIds text={deployment.cause} />
        </span>
        <span className="progress-card__spacer" />
        <span className="muted">Connecting to live progress…</span>
      </header>
    </section>
  );
}

interface ProgressCardProps {
  app: FleetApp;
  progress: DeploymentProgress;
  /** When the progress arrived; missing only for a panel restored without one. */
  receivedAt?: number;
  onDismiss: () => void;
}

function ProgressCard({ app, progress, receivedAt, onDismiss }: ProgressCardProps) {
  const now = useTicker(!progress.terminal);
  const cancel = useActionsStore((s) => s.cancel);
  const canceling = useActionsStore((s) => s.byApp[app.id]?.inFlight === 'cancel');
  const [confirming, setConfirming] = useState(false);
  // Steps fold away once the deployment went live (unless asked for); a failure keeps them open.
  const [showSteps, setShowSteps] = useState<boolean>();
  const stepsOpen = !progress.terminal || progress.phase === 'ERROR' || (showSteps ?? progress.phase !== 'ACTIVE');
  const running = progress.steps.findIndex((step) => step.status === 'RUNNING');
  const elapsed = formatDuration(elapsedNow(progress, receivedAt ?? now, now));
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const failed = progress.phase === 'ERROR';
  const tone = progress.terminal
    ? progress.phase === 'ACTIVE'
      ? 'success'
      : failed
        ? 'danger'
        : 'neutral'
    : 'progress';

  return (
    <section
      className={`progress-card progress-card--${tone}`}
      data-testid="deployment-progress"
      data-phase={progress.phase}
      data-terminal={progress.terminal || undefined}
      aria-label={`Deployment ${shortId(progress.deploymentId)}: ${phaseLabel(progress.phase)}`}
    >
      <header className="progress-card__header">
        <PhaseBadge phase={progress.phase} />
        <span className="progress-card__title">
          {progress.terminal
            ? outcomeLine(progress, elapsed)
            : running >= 0
              ? `Step ${running + 1} of ${progress.steps.length}: ${progress.steps[running]?.label ?? ''}`
              : `${phaseLabel(progress.phase).toLowerCase()}…`}
        </span>
        <span className="muted">
          Deployment <code className="selectable">{shortId(progress.deploymentId)}</code>
          {progress.cause ? (
            <>
              {' · '}
              <WithShortIds text={progress.cause} />
            </>
          ) : null}
        </span>
        <span className="progress-card__spacer" />
        {progress.terminal && progress.total > 0 ? (
          <span className="progress-card__count tabular">
            {progress.done}/{progress.total} steps
          </span>
        ) : null}
        {progress.terminal && progress.phase !== 'ERROR' && progress.steps.length > 0 ? (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setShowSteps(!stepsOpen)}
            aria-expanded={stepsOpen}
          >
            {stepsOpen ? 'Hide steps' : 'Show steps'}
          </button>
        ) : null}
        {!progress.terminal ? (
          <span className="progress-card__clock tabular" title="Time since the deployment was created">
            {elapsed}
          </span>
        ) : null}
        {!progress.terminal ? (
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={() => setConfirming(true)}
            disabled={canceling}
            data-testid="cancel-deployment-button"
          >
            {canceling ? 'Canceling…' : 'Cancel deployment'}
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={onDismiss} data-testid="dismiss-progress">
            Dismiss
          </button>
        )}
      </header>
      <div
        className="progress-card__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
      >
        <span style={{ width: `${progress.terminal && !failed ? 100 : percent}%` }} />
      </div>
      {!stepsOpen ? null : progress.steps.length > 0 ? (
        <ol className={progress.steps.length > 5 ? 'steps steps--two' : 'steps'}>
          {progress.steps.map((step, i) => (
            <StepRow key={`${step.name}-${i}`} step={step} />
          ))}
        </ol>
      ) : (
        <p className="muted steps-empty">The API has not reported steps for this deployment yet.</p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`Cancel deployment ${shortId(progress.deploymentId)}?`}
          subtitle={app.name}
          tone="danger"
          confirmLabel="Cancel deployment"
          onConfirm={() => {
            setConfirming(false);
            void cancel(app, progress.deploymentId);
          }}
          onClose={() => setConfirming(false)}
        >
          <p className="dialog__lead">{cancelConsequence(progress.cause)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

const STEP_ICON: Record<ProgressStep['status'], string> = {
  UNKNOWN: '○',
  PENDING: '○',
  RUNNING: '◐',
  SUCCESS: '✓',
  ERROR: '✕',
};

function StepRow({ step }: { step: ProgressStep }) {
  const seconds =
    step.startedAt && step.endedAt ? (Date.parse(step.endedAt) - Date.parse(step.startedAt)) / 1000 : undefined;
  return (
    <li className={`step step--${step.status.toLowerCase()}`} data-testid="progress-step" data-status={step.status}>
      <span className={`step__icon step__icon--${stepTone(step.status)}`} aria-hidden="true">
        {STEP_ICON[step.status] ?? '○'}
      </span>
      <span className="step__label">{step.label || step.name}</span>
      {step.status === 'ERROR' && step.reason ? (
        <span className="step__reason">{step.reason}</span>
      ) : (
        <span className="step__fill" />
      )}
      <span className="step__meta tabular">
        {step.status === 'RUNNING' ? (
          <Badge tone="progress">running</Badge>
        ) : step.status === 'ERROR' ? (
          <Badge tone="danger">failed</Badge>
        ) : seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? (
          formatDuration(seconds)
        ) : step.status === 'SUCCESS' ? (
          'done'
        ) : (
          'pending'
        )}
      </span>
    </li>
  );
}
