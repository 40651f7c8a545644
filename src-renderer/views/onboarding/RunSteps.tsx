// An onboarding run's steps as they go: waiting, running with what is happening now, done, or
// failed with the API's words; and what the run has created so far.
import type { CreatedResource, OnboardingRunStep } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { formatDuration } from '../../format';
import { STEP_STATE_TONE, STEP_STATE_WORDS } from './onboardingModel';

function took(step: OnboardingRunStep): string | undefined {
  if (!step.startedAt || !step.endedAt) return undefined;
  const seconds = Math.max(0, Math.round((Date.parse(step.endedAt) - Date.parse(step.startedAt)) / 1000));
  return formatDuration(seconds);
}

export function RunSteps({ steps }: { steps: readonly OnboardingRunStep[] }) {
  return (
    <ol className="onboard-steps onboard-steps--run" data-testid="run-steps">
      {steps.map((step) => (
        <li
          key={step.kind}
          className={`onboard-step onboard-step--${step.state}`}
          data-step={step.kind}
          data-state={step.state}
          data-testid="run-step"
        >
          <span className="onboard-step__line">
            <span className="onboard-step__title">{step.title}</span>
            <Badge tone={STEP_STATE_TONE[step.state]}>{STEP_STATE_WORDS[step.state]}</Badge>
            {step.state === 'done' && took(step) ? <span className="muted tabular">{took(step)}</span> : null}
          </span>
          {step.state === 'running' && step.progress ? (
            <span className="onboard-step__detail" data-testid="step-progress">
              {step.progress}
            </span>
          ) : null}
          {step.state !== 'running' && step.state !== 'failed' && step.progress ? (
            <span className="onboard-step__detail muted">{step.progress}</span>
          ) : null}
          {step.state === 'failed' && step.error ? (
            <span className="onboard-step__error selectable" role="alert" data-testid="step-error">
              {step.error}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function CreatedList({ created }: { created: readonly CreatedResource[] }) {
  if (created.length === 0) return <p className="muted">Nothing created yet.</p>;
  return (
    <ul className="onboard-created" data-testid="run-created">
      {created.map((r) => (
        <li key={`${r.kind}:${r.id}`} className={r.removedAt ? 'onboard-created--removed' : undefined}>
          {r.label}
          {r.removedAt ? <span className="muted"> — removed</span> : null}
        </li>
      ))}
    </ul>
  );
}
