// One onboarding run, followed live: each step's state, and what the founder can do where it
// stopped — Retry step after a failure, Resume after Fleetdeck closed mid-run, or remove exactly
// what the run created. Leaving the page stops following, not the run.
import { useEffect } from 'react';
import type { OnboardingRun } from '../../../src-preload/contract';
import { Breadcrumb } from '../../components/Breadcrumb';
import { Badge } from '../../components/Badge';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { displayUrl, formatCost } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import { useOnboardingStore } from '../../stores/onboardingStore';
import { DbPassword } from './DbPassword';
import { remaining, RUN_STATE_TONE, RUN_STATE_WORDS } from './onboardingModel';
import { RemoveCreatedDialog } from './RemoveCreatedDialog';
import { CreatedList, RunSteps } from './RunSteps';
import '../detail/detailHeader.css';
import './onboarding.css';

function RunActions({ run }: { run: OnboardingRun }) {
  const acting = useOnboardingStore((s) => s.acting);
  const { retry, resume, askRemoval } = useOnboardingStore.getState();
  const left = remaining(run).length;
  const stopped = run.state === 'failed' || run.state === 'interrupted';
  if (run.state === 'done') {
    return (
      <div className="onboard-run__actions" data-testid="run-done">
        {run.appId ? (
          <a className="button button--primary" href={hrefFor({ name: 'tenant', appId: run.appId })}>
            Open {run.name}’s tenant page
          </a>
        ) : null}
        <a className="button" href={hrefFor({ name: 'tenants' })}>
          Tenants
        </a>
        {run.liveUrl ? (
          <a href={run.liveUrl} target="_blank" rel="noreferrer" data-testid="run-live-url">
            {displayUrl(run.liveUrl)} ↗
          </a>
        ) : null}
      </div>
    );
  }
  if (!stopped) {
    return (
      <p className="muted onboard-run__actions">
        Leaving this page does not stop the run; it is listed under Tenants until it is done.
      </p>
    );
  }
  return (
    <div className="onboard-run__actions">
      {run.state === 'failed' ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void retry()}
          disabled={!!acting}
          data-testid="run-retry"
        >
          {acting === 'retry' ? 'Retrying…' : 'Retry step'}
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void resume()}
          disabled={!!acting}
          data-testid="run-resume"
        >
          {acting === 'resume' ? 'Resuming…' : 'Resume'}
        </button>
      )}
      {left > 0 ? (
        <button
          type="button"
          className="button button--danger-quiet"
          onClick={() => void askRemoval()}
          disabled={!!acting}
          data-testid="run-remove"
        >
          Remove what was created…
        </button>
      ) : null}
      <span className="muted">Nothing is created twice: each step looks before it creates.</span>
    </div>
  );
}

export function OnboardingRunView({ id }: { id: string }) {
  const run = useOnboardingStore((s) => (s.runId === id ? s.run : undefined));
  const runLoading = useOnboardingStore((s) => s.runLoading);
  const runError = useOnboardingStore((s) => s.runError);
  const actionError = useOnboardingStore((s) => s.actionError);

  useEffect(() => useOnboardingStore.getState().openRun(id), [id]);

  const breadcrumb = (
    <Breadcrumb
      back={{ href: hrefFor({ name: 'tenants' }), label: 'Tenants' }}
      current={`New tenant ${run?.name ?? ''}`}
    />
  );

  if (!run) {
    return (
      <main className="view view--onboard">
        {breadcrumb}
        {runError && !runLoading ? (
          <ErrorState
            title="Couldn’t read this onboarding"
            error={runError}
            onRetry={() => useOnboardingStore.getState().openRun(id)}
          />
        ) : (
          <LoadingState label="Reading the onboarding…" rows={7} columns={2} />
        )}
      </main>
    );
  }

  return (
    <main
      className="view view--onboard"
      aria-labelledby="run-title"
      data-testid="onboarding-run"
      data-state={run.state}
    >
      {breadcrumb}
      <header className="onboard-run__head">
        <div>
          <h1 id="run-title" className="onboard-title">
            {run.name}
            <Badge tone={RUN_STATE_TONE[run.state]}>
              <span data-testid="run-state">{RUN_STATE_WORDS[run.state]}</span>
            </Badge>
          </h1>
          <p className="muted">
            {run.hostname} · from {run.plan.templateName} · started {new Date(run.createdAt).toLocaleString()}
          </p>
        </div>
        <dl className="facts onboard-run__facts">
          <div className="fact">
            <dt>Supabase project</dt>
            <dd>
              {run.supabaseRef ? <code>{run.supabaseRef}</code> : <span className="muted">—</span>}
              {run.supabaseStatus ? <span className="muted"> {run.supabaseStatus}</span> : null}
            </dd>
          </div>
          <div className="fact">
            <dt>Database password</dt>
            <dd>
              <DbPassword run={run} />
            </dd>
          </div>
        </dl>
      </header>
      {runError ? (
        <InlineWarning error={runError}>Lost the live progress; showing the last step states.</InlineWarning>
      ) : null}
      {actionError ? (
        <p className="field-error" role="alert" data-testid="run-action-error">
          {actionError.message}
        </p>
      ) : null}
      <div className="onboard-run">
        <section aria-label="Steps">
          <RunSteps steps={run.steps} />
          <RunActions run={run} />
        </section>
        <aside className="onboard-run__side" aria-labelledby="created-title">
          <h2 id="created-title" className="onboard-side__title">
            Created by this run
          </h2>
          <CreatedList created={run.created} />
          <p className="muted onboard-run__cost">
            {formatCost(run.plan.cost.total)}/mo once live, as planned. The Activity log has every step.
          </p>
        </aside>
      </div>
      <RemoveCreatedDialog name={run.name} />
    </main>
  );
}
