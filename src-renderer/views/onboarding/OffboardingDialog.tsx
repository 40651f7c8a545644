// Offboarding a tenant from its page: main's steps, each with its own button, nothing sent without
// a click; a delete's button stays disabled until the tenant's name is typed back. Each step shows
// its answer (done, or the API's refusal) beside it.
import { useState } from 'react';
import type { OffboardingStep, OffboardingStepKind } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { Dialog } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useOffboardingStore } from '../../stores/offboardingStore';
import './onboarding.css';

const BUTTON: Record<OffboardingStepKind, string> = {
  confirm_backup: 'Confirm backup',
  pause_project: 'Pause project',
  delete_app: 'Delete app',
  remove_dns: 'Remove record',
  mark_inactive: 'Mark inactive',
};

function StepRow({ step, index, appName }: { step: OffboardingStep; index: number; appName: string }) {
  const running = useOffboardingStore((s) => s.running);
  const outcome = useOffboardingStore((s) => s.outcomes[step.kind]);
  const [typed, setTyped] = useState('');
  const nameOk = !step.needsTypedName || typed === appName;
  const disabled = !!running || !!step.blocked || step.done || !!outcome?.ok || !nameOk;
  const danger = step.needsTypedName;

  return (
    <li className="offboard-step" data-step={step.kind} data-testid="offboard-step">
      <span className="offboard-step__n">{index + 1}</span>
      <div className="offboard-step__body">
        <div className="offboard-step__line">
          <strong>{step.title}</strong>
          {/* Main's answer counts even when its re-read plan cannot tell (a registry flag). */}
          {outcome?.ok ? (
            <Badge tone="success">Done</Badge>
          ) : step.done ? (
            <Badge tone="success">Already done</Badge>
          ) : null}
        </div>
        <span className="offboard-step__detail">{step.detail}</span>
        {step.blocked ? (
          <span className="muted" data-testid="offboard-blocked">
            {step.blocked}
          </span>
        ) : null}
        {outcome && !outcome.ok ? (
          <span className="field-error" role="alert" data-testid="offboard-error">
            {outcome.error.message}
          </span>
        ) : null}
        {step.needsTypedName && !step.done && !step.blocked ? (
          <label className="offboard-step__typed">
            <span>
              Type <code>{appName}</code> to confirm
            </span>
            <input
              className="input input--compact"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              aria-label={`Type ${appName} to ${BUTTON[step.kind].toLowerCase()}`}
              data-testid="offboard-typed-name"
            />
          </label>
        ) : null}
      </div>
      <button
        type="button"
        className={danger ? 'button button--danger button--small' : 'button button--small'}
        disabled={disabled}
        onClick={() => void useOffboardingStore.getState().runStep(step.kind, step.needsTypedName ? typed : undefined)}
        data-testid="offboard-run"
      >
        {running === step.kind ? 'Working…' : BUTTON[step.kind]}
      </button>
    </li>
  );
}

export function OffboardingDialog() {
  const plan = useOffboardingStore((s) => s.plan);
  const loading = useOffboardingStore((s) => s.loading);
  const error = useOffboardingStore((s) => s.error);
  const running = useOffboardingStore((s) => s.running);
  const { close, load } = useOffboardingStore.getState();

  return (
    <Dialog
      title={`Offboard ${plan?.appName ?? 'tenant'}`}
      subtitle="One step at a time: each runs only when you click its button. Deletes ask for the tenant’s name."
      onClose={close}
      busy={!!running}
      testId="offboard-dialog"
      width={640}
      start="safe"
      footer={
        <button type="button" className="button" onClick={close} disabled={!!running} data-testid="offboard-close">
          Close
        </button>
      }
    >
      {plan ? (
        <ol className="offboard-steps" data-testid="offboard-steps">
          {plan.steps.map((step, i) => (
            <StepRow key={step.kind} step={step} index={i} appName={plan.appName} />
          ))}
        </ol>
      ) : error && !loading ? (
        <ErrorState title="Couldn’t plan the offboarding" error={error} onRetry={() => void load()} />
      ) : (
        <LoadingState label="Reading the tenant’s backup, project, app, record and registry row…" />
      )}
      {plan ? <p className="muted offboard-note">Every step is written to the Activity log.</p> : null}
    </Dialog>
  );
}

/** The tenant page's "Offboard…" button and, while it is open, its dialog. */
export function OffboardButton({ appId }: { appId: string }) {
  const open = useOffboardingStore((s) => s.appId === appId);
  return (
    <>
      <button
        type="button"
        className="button button--small button--danger-quiet"
        onClick={() => void useOffboardingStore.getState().open(appId)}
        data-testid="offboard-open"
      >
        Offboard…
      </button>
      {open ? <OffboardingDialog /> : null}
    </>
  );
}
