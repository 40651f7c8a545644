// The live rolling deploy: one row per app with its state, Cancel while it runs, and at the end a
// summary of what was deployed, what failed and what was never started. Apps main skipped as
// blocked are listed from the start, after the ones it deploys, with the reason.
import type { RollingDeployStatus } from '../../../src-preload/contract';
import {
  describeError,
  rollingLabel,
  shortId,
  rollingTone,
  ROLLING_STATE_TEXT,
  summarizeRolling,
} from '../../actionFormat';
import { Badge } from '../../components/Badge';
import { InlineWarning } from '../../components/ErrorState';
import { PhaseBadge } from '../../components/PhaseBadge';
import { useTicker } from '../../components/useTicker';
import { formatDuration } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import { useRollingStore } from '../../stores/rollingStore';
import '../actions/progress.css';
import './rolling.css';

export function RollingPanel() {
  const status = useRollingStore((s) => s.status);
  const canceling = useRollingStore((s) => s.canceling);
  const cancelError = useRollingStore((s) => s.cancelError);
  const watchError = useRollingStore((s) => s.watchError);
  const { cancel, dismiss } = useRollingStore.getState();
  const running = status?.state === 'running';
  const now = useTicker(running);
  if (!status) return null;

  const summary = summarizeRolling(status);
  const skipped = status.skipped ?? [];
  const endMs = status.endedAt ? Date.parse(status.endedAt) : now;
  const elapsed = formatDuration((endMs - Date.parse(status.startedAt)) / 1000);
  const tone = running
    ? 'progress'
    : status.state === 'succeeded'
      ? 'success'
      : status.state === 'halted'
        ? 'danger'
        : 'warning';

  return (
    <section
      className={`rolling-panel progress-card progress-card--${tone}`}
      data-testid="rolling-panel"
      data-state={status.state}
      aria-label="Rolling deploy"
    >
      <header className="progress-card__header">
        <Badge tone={tone}>{status.state}</Badge>
        <span className="progress-card__title">{ROLLING_STATE_TEXT[status.state]}</span>
        <span className="muted">
          {summary.headline}
          {skipped.length ? ` · ${skipped.length} skipped` : ''} · {status.concurrency} at a time
        </span>
        <span className="progress-card__spacer" />
        <span className="progress-card__clock tabular">{elapsed}</span>
        {running ? (
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={() => void cancel()}
            disabled={canceling}
            title="Stops before the next app; deployments already running finish"
            data-testid="rolling-cancel-button"
          >
            {canceling ? 'Stopping after the running apps…' : 'Cancel remaining'}
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={dismiss} data-testid="rolling-dismiss">
            Dismiss
          </button>
        )}
      </header>
      {cancelError ? <InlineWarning>Couldn’t cancel. {describeError(cancelError).title}</InlineWarning> : null}
      {watchError && running ? (
        <InlineWarning error={watchError}>
          Live status is paused; it resumes when Fleetdeck can reach main again.
        </InlineWarning>
      ) : null}
      <ol className="rolling-apps">
        {status.apps.map((a, i) => (
          <li
            key={a.appId}
            className="rolling-app"
            data-testid="rolling-app-row"
            data-app-name={a.appName}
            data-state={a.state}
          >
            <span className="rolling-app__index tabular">{i + 1}</span>
            <a className="rolling-app__name" href={hrefFor({ name: 'app', appId: a.appId })}>
              {a.appName}
            </a>
            <Badge tone={rollingTone(a.state)}>{rollingLabel(a.state)}</Badge>
            {a.state === 'deploying' && a.phase ? <PhaseBadge phase={a.phase} /> : null}
            {a.deploymentId ? (
              <code className="rolling-app__deployment" title={`Deployment ${a.deploymentId}`}>
                {shortId(a.deploymentId)}
              </code>
            ) : null}
            <span className={a.state === 'failed' ? 'rolling-app__message is-error' : 'rolling-app__message'}>
              {a.message ?? ''}
            </span>
          </li>
        ))}
        {skipped.map((a) => (
          <li
            key={a.appId}
            className="rolling-app is-skipped"
            data-testid="rolling-app-row"
            data-app-name={a.appName}
            data-state="skipped"
          >
            <span className="rolling-app__index" aria-hidden="true">
              –
            </span>
            <a className="rolling-app__name" href={hrefFor({ name: 'app', appId: a.appId })}>
              {a.appName}
            </a>
            <Badge tone="neutral">skipped</Badge>
            <span className="rolling-app__message">{a.reason}</span>
          </li>
        ))}
      </ol>
      {!running ? <Summary status={status} /> : null}
    </section>
  );
}

function Summary({ status }: { status: RollingDeployStatus }) {
  const s = summarizeRolling(status);
  return (
    <div className="rolling-summary" data-testid="rolling-summary">
      <SummaryGroup tone="success" title="Deployed" names={s.succeeded} />
      <SummaryGroup
        tone="danger"
        title="Failed"
        names={s.failed.map((f) => (f.message ? `${f.name} — ${f.message}` : f.name))}
      />
      <SummaryGroup tone="warning" title="Canceled" names={s.canceled} />
      <SummaryGroup tone="neutral" title="Not started (left as they were)" names={s.notStarted} />
      <SummaryGroup
        tone="neutral"
        title="Skipped (blocked)"
        names={(status.skipped ?? []).map((b) => `${b.appName} — ${b.reason}`)}
      />
    </div>
  );
}

function SummaryGroup({
  tone,
  title,
  names,
}: {
  tone: 'success' | 'danger' | 'warning' | 'neutral';
  title: string;
  names: string[];
}) {
  if (names.length === 0) return null;
  return (
    <div className={`rolling-summary__group rolling-summary__group--${tone}`}>
      <span className="rolling-summary__title">
        {title} <span className="tabular">({names.length})</span>
      </span>
      <span className="rolling-summary__names">{names.join(', ')}</span>
    </div>
  );
}
