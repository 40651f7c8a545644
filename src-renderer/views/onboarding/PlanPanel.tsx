// The plan screen: before anything is created, every step the run will take, what the new tenant
// will cost each month (DigitalOcean plus Supabase) and, when main refuses the plan, its reasons in
// its own words. Start sends exactly this plan; a plan of an earlier form cannot be started.
import type { FleetError, OnboardingPlan, OnboardingSecretEnv } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { formatCost, formatUsd } from '../../format';

interface Props {
  plan?: OnboardingPlan;
  /** The plan answers an earlier state of the form. */
  stale: boolean;
  planning: boolean;
  planError?: FleetError;
  starting: boolean;
  startError?: FleetError;
  onStart: () => void;
}

const SECRET_WORDS: Record<OnboardingSecretEnv['how'], string> = {
  from_supabase: 'from the new Supabase project',
  generated: 'generated fresh',
  provided: 'as you entered it',
  missing: 'needs a value: enter it in the form',
};

export function PlanPanel({ plan, stale, planning, planError, starting, startError, onStart }: Props) {
  if (planning) return <LoadingState label="Checking the names, the organization’s limit and the prices…" rows={5} />;
  if (planError) {
    return (
      <div className="onboard-refused" role="alert" data-testid="plan-error">
        <strong>Couldn’t make a plan; nothing was created.</strong>
        <p>{planError.message}</p>
      </div>
    );
  }
  if (!plan) {
    return (
      <EmptyState title="Nothing is created until you start">
        Fill in the form and press Plan: every step, the new monthly cost and anything that refuses it show here first.
      </EmptyState>
    );
  }

  const refused = plan.problems.length > 0;
  const { organization: org, cost } = plan;
  return (
    <section className="onboard-plan" aria-labelledby="plan-title" data-testid="onboard-plan">
      <header className="onboard-plan__head">
        <div>
          <h2 id="plan-title" className="onboard-plan__title">
            Plan for {plan.request.name}
          </h2>
          <p className="muted">
            {plan.request.hostname} · from {plan.templateName} · Supabase {org.name} ({org.plan}
            {org.projectLimit !== undefined ? `, ${org.activeProjects} of ${org.projectLimit} projects` : ''})
          </p>
        </div>
        <dl className="onboard-cost" data-testid="plan-cost">
          <div>
            <dt>New monthly cost</dt>
            <dd className="onboard-cost__total" data-testid="plan-cost-total">
              {formatCost(cost.total)}
              <span className="muted">/mo</span>
            </dd>
          </div>
          <div>
            <dt>DigitalOcean</dt>
            <dd data-testid="plan-cost-do">{formatCost(cost.digitalocean)}</dd>
          </div>
          <div>
            <dt>Supabase</dt>
            <dd data-testid="plan-cost-supabase" title={cost.note}>
              {formatUsd(cost.supabase)}
            </dd>
          </div>
        </dl>
      </header>
      {cost.note ? <p className="onboard-plan__note muted">{cost.note}</p> : null}

      {refused ? (
        <div className="onboard-refused" role="alert" data-testid="plan-problems">
          <strong>Refused — nothing will be created:</strong>
          <ul>
            {plan.problems.map((p) => (
              <li key={p.kind + p.message} data-kind={p.kind}>
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ol className="onboard-steps" data-testid="plan-steps">
        {plan.steps.map((step) => (
          <li key={step.kind} className="onboard-step" data-step={step.kind} data-testid="plan-step">
            <span className="onboard-step__title">{step.title}</span>
            {/* The registry insert is shown in full below rather than on one line. */}
            {step.detail && !(step.kind === 'registry' && plan.registry) ? (
              <span className="onboard-step__detail">{step.detail}</span>
            ) : null}
            {step.kind === 'migrations' && plan.migrations.length > 0 ? (
              <details className="onboard-step__more">
                <summary>
                  {plan.migrations.length} migration{plan.migrations.length === 1 ? '' : 's'}, in this order
                </summary>
                <ol className="onboard-migrations">
                  {plan.migrations.map((m) => (
                    <li key={m.version}>
                      <code>{m.version}</code> {m.name}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {step.kind === 'registry' && plan.registry ? (
              <div className="onboard-step__more" data-testid="plan-registry">
                <span className="muted">Into {plan.registry.projectName ?? plan.registry.ref}, exactly as sent:</span>
                <pre className="onboard-sql selectable">{plan.registry.sql}</pre>
                <ol className="onboard-params">
                  {plan.registry.parameters.map((p, i) => (
                    <li key={i}>
                      <code>${i + 1}</code> = <code>{p}</code>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            {step.kind === 'healthy' ? (
              <span className="onboard-step__detail">
                Health check:{' '}
                <code>
                  https://{plan.request.hostname}
                  {plan.healthPath}
                </code>
              </span>
            ) : null}
          </li>
        ))}
      </ol>

      {plan.secrets.length > 0 ? (
        <div className="onboard-plan__secrets" data-testid="plan-secrets">
          <span className="muted">The new app’s SECRET envs (values never shown):</span>
          <ul>
            {plan.secrets.map((s) => (
              <li key={s.key} data-how={s.how} className={s.how === 'missing' ? 'onboard-secret--missing' : undefined}>
                <code>{s.key}</code> {SECRET_WORDS[s.how]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className="onboard-plan__password muted" data-testid="plan-password">
        A database password is generated for the project and kept in the OS keychain. It is never shown unless you click
        Reveal on the run.
      </p>

      <footer className="onboard-plan__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={refused || stale || starting}
          onClick={onStart}
          data-testid="onboard-start"
        >
          {starting ? 'Starting…' : `Start — create ${plan.request.name}`}
        </button>
        {stale ? (
          <span className="onboard-warning" data-testid="plan-stale">
            The form changed since this plan: press Plan again.
          </span>
        ) : refused ? (
          <span className="muted">Change the form and plan again.</span>
        ) : (
          <span className="muted">Each step is written to the Activity log.</span>
        )}
      </footer>
      {startError ? (
        <p className="field-error" role="alert" data-testid="start-error">
          Not started: {startError.message}
        </p>
      ) : null}
    </section>
  );
}
