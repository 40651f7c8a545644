// The review screen and what follows it. The SQL shown is main's answer to reviewMigration for the
// very request Apply sends, byte for byte; the targets are listed in the order they run. While the
// run is under way each tenant's step shows as the Activity log records it (one request runs them
// all, so its answer comes only at the end); then each step says what happened, Postgres's own
// words included as written.
import type { MigrationRun, SchemaDrift } from '../../../../src-preload/contract';
import { Badge } from '../../../components/Badge';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import type { Tone } from '../../../format';
import { hrefFor } from '../../../stores/navigationStore';
import { chosenTargets, useSchemaDriftStore, type ApplyFlow } from '../../../stores/schemaDriftStore';
import { ReviewMigrations } from './ReviewMigrations';

export const RUN_PROMISE =
  'Applied one tenant at a time; stops at the first failure; each step is in the Activity log.';

function TargetOrder({ flow, testId }: { flow: ApplyFlow; testId: string }) {
  return (
    <ol className="drift-order" data-testid={testId}>
      {chosenTargets(flow).map((t) => (
        <li key={t.appId} data-tenant={t.name}>
          {t.name}
        </li>
      ))}
    </ol>
  );
}

export function ApplyReview({ flow, drift }: { flow: ApplyFlow; drift: SchemaDrift }) {
  const review = flow.review;
  if (!review || review.loading) return <LoadingState label="Reading the SQL that would run…" rows={4} columns={1} />;
  if (!review.value) {
    return (
      <ErrorState
        title="Couldn’t read the migration"
        error={review.error ?? { code: 'internal', message: 'No answer.' }}
        onRetry={() => {
          useSchemaDriftStore.getState().back();
          void useSchemaDriftStore.getState().toReview();
        }}
      />
    );
  }
  const { name, version, sql, from, migrations } = review.value;
  return (
    <div className="drift-review" data-testid="migration-review">
      <p className="dialog__lead">
        <span className="strong" data-testid="review-name">
          {name}
        </span>
        {version ? <code className="drift-migration__version"> {version}</code> : null}
        <span className="muted"> · from {from}</span>
      </p>
      {migrations ? (
        <ReviewMigrations migrations={migrations} flow={flow} drift={drift} />
      ) : (
        <>
          <h3 className="drift-review__title">The SQL, exactly as it will run</h3>
          <pre className="drift-sql selectable" data-testid="review-sql">
            {sql}
          </pre>
        </>
      )}
      <h3 className="drift-review__title">On these tenants, in this order</h3>
      <TargetOrder flow={flow} testId="review-targets" />
      <p className="drift-promise" data-testid="review-promise">
        {RUN_PROMISE}
      </p>
    </div>
  );
}

const LIVE_WORDS = { waiting: 'waiting', applying: 'applying…', applied: 'applied', failed: 'failed' } as const;
const LIVE_TONE: Record<keyof typeof LIVE_WORDS, Tone> = {
  waiting: 'muted',
  applying: 'progress',
  applied: 'success',
  failed: 'danger',
};

export function ApplyRunning({ flow }: { flow: ApplyFlow }) {
  return (
    <div className="drift-review" data-testid="migration-running">
      <div className="loading__label" role="status">
        <span className="spinner" aria-hidden="true" />
        Applying {flow.review?.value?.name} one tenant at a time…
      </div>
      <ol className="drift-steps">
        {chosenTargets(flow).map((t) => {
          const state = flow.progress?.[t.appId] ?? 'waiting';
          return (
            <li key={t.appId} className="drift-step" data-testid="running-step" data-tenant={t.name} data-state={state}>
              <span className="drift-step__name">{t.name}</span>
              <Badge tone={LIVE_TONE[state]}>{LIVE_WORDS[state]}</Badge>
            </li>
          );
        })}
      </ol>
      <p className="muted">Stops at the first failure. Each step is written to the Activity log as it happens.</p>
    </div>
  );
}

const STEP: Record<MigrationRun['steps'][number]['state'], { tone: Tone; words: string }> = {
  applied: { tone: 'success', words: 'applied' },
  failed: { tone: 'danger', words: 'failed' },
  not_started: { tone: 'muted', words: 'not started' },
  already_applied: { tone: 'neutral', words: 'already applied' },
};

export function headline(run: MigrationRun): string {
  const several = run.steps.some((s) => s.migration);
  const failed = run.steps.find((s) => s.state === 'failed');
  const notStarted = run.steps.filter((s) => s.state === 'not_started');
  if (failed && run.halted) {
    const what = failed.migration ?? run.migration;
    if (several) {
      const n = notStarted.length;
      return `Halted: ${what} failed on ${failed.name}, so nothing more was applied (${n} step${n === 1 ? '' : 's'} not started).`;
    }
    const rest = notStarted.length === 1 ? 'the tenant after it was' : `the ${notStarted.length} tenants after it were`;
    return `Halted: ${what} failed on ${failed.name}, so nothing more was applied (${rest} not started).`;
  }
  // main calls a run halted only when tenants were left; a failure on the last one ends it all the same.
  if (failed)
    return `${failed.migration ?? run.migration} failed on ${failed.name}, the last in the order: nothing more was applied.`;
  const applied = run.steps.filter((s) => s.state === 'applied');
  const tenants = new Set(applied.map((s) => s.appId)).size;
  const onTenants = tenants === 1 ? '1 tenant' : `${tenants} tenants`;
  if (several) {
    const skipped = run.steps.filter((s) => s.state === 'already_applied').length;
    const skips = skipped ? `; ${skipped} already there, skipped` : '';
    return applied.length === 0
      ? `Every tenant already had all ${run.migration}: nothing was run.`
      : `${applied.length} migration${applied.length === 1 ? '' : 's'} applied across ${onTenants}${skips}.`;
  }
  return applied.length === 0
    ? `Every tenant already had ${run.migration}: nothing was run.`
    : `${run.migration} applied to ${onTenants}.`;
}

export function ApplyResult({ flow }: { flow: ApplyFlow }) {
  const activity = (
    <a href={hrefFor({ name: 'activity' })} data-testid="run-activity-link">
      Open the Activity log
    </a>
  );
  if (!flow.run) {
    return (
      <div className="drift-review" data-testid="migration-result">
        <p className="drift-result__headline drift-result__headline--failed" role="alert">
          The run did not finish: {flow.runError?.message ?? 'no answer from Fleetdeck.'}
        </p>
        <p className="muted">The grid is read again; the Activity log lists any step that ran. {activity}</p>
      </div>
    );
  }
  const run = flow.run;
  const failed = run.steps.some((s) => s.state === 'failed');
  return (
    <div className="drift-review" data-testid="migration-result" data-halted={run.halted}>
      <p
        className={`drift-result__headline${failed ? ' drift-result__headline--failed' : ''}`}
        role={failed ? 'alert' : 'status'}
        data-testid="run-headline"
      >
        {headline(run)}
      </p>
      <ol className="drift-steps">
        {run.steps.map((step) => (
          <li
            key={`${step.appId}/${step.migration ?? ''}`}
            className="drift-step"
            data-testid="run-step"
            data-tenant={step.name}
            data-migration={step.migration}
            data-state={step.state}
          >
            <span className="drift-step__name">
              {step.name}
              {step.migration ? <span className="drift-step__migration"> · {step.migration}</span> : null}
            </span>
            <Badge tone={STEP[step.state].tone}>{STEP[step.state].words}</Badge>
            {step.error ? (
              <pre className="drift-error selectable" data-testid="run-error">
                {step.error}
              </pre>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="muted">Each step is in the Activity log. {activity}</p>
    </div>
  );
}
