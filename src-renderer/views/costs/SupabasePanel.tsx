// The Supabase side of the bill: per organization its plan, the plan's fee and credits, and each
// tenant project's compute, all estimated from the documented prices and labelled so, with the
// pages they come from. The plan and sizes are the account's own; the dollars are not a bill.
import type {
  FleetError,
  SupabaseCosts,
  SupabaseOrganizationCost,
  SupabaseProjectCost,
} from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatUsd } from '../../format';
import { useNavigationStore } from '../../stores/navigationStore';
import { SupabaseChart } from './SupabaseChart';
import { estimateLabel, planName } from './supabaseModel';
import './supabase.css';

interface SupabasePanelProps {
  state: { value?: SupabaseCosts; loading: boolean; error?: FleetError };
  retry: () => Promise<void>;
}

export function SupabasePanel({ state, retry }: SupabasePanelProps) {
  const costs = state.value;
  if (!costs && state.error) {
    return (
      <ErrorState
        title="Couldn’t load Supabase plans"
        error={state.error}
        onRetry={() => void retry()}
        retrying={state.loading}
      />
    );
  }
  if (!costs) return <LoadingState label="Loading Supabase plans…" rows={3} columns={4} />;
  if (!costs.connected) {
    return (
      <EmptyState
        title="No Supabase account in this context"
        action={
          <button
            type="button"
            className="button"
            onClick={() => useNavigationStore.getState().navigate({ name: 'settings' })}
          >
            Open Settings → Accounts
          </button>
        }
      >
        Add a Supabase personal access token for this context in Settings → Accounts to see each tenant project’s plan
        and an estimate of what it costs.
      </EmptyState>
    );
  }
  if (costs.problem) {
    return (
      <div className="state state--error" role="alert" data-testid="supabase-problem">
        <div className="state__icon" aria-hidden="true">
          !
        </div>
        <h2 className="state__title">Couldn’t read Supabase</h2>
        <p className="state__message">{costs.problem}</p>
        <button type="button" className="button button--primary" onClick={() => void retry()} disabled={state.loading}>
          {state.loading ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    );
  }
  if (costs.organizations.length === 0) {
    return (
      <EmptyState title="The Supabase token sees no organizations">
        Its projects will show here once it does.
      </EmptyState>
    );
  }
  return (
    <div className="supabase" data-testid="supabase-panel">
      {state.error ? (
        <InlineWarning error={state.error}>Couldn’t refresh; showing the last successful read.</InlineWarning>
      ) : null}
      <div className="chart-card">
        <SupabaseChart organizations={costs.organizations} />
      </div>
      <div className="supabase__orgs">
        {costs.organizations.map((org) => (
          <OrganizationCard key={org.slug} org={org} />
        ))}
      </div>
      <p className="supabase__source" data-testid="supabase-source">
        <span className="estimate-tag">Estimate</span>
        Total {costs.partial ? 'at least ' : ''}
        <strong>{formatUsd(costs.monthlyEstimate)}</strong> a month from the documented prices:{' '}
        {costs.sources.map((source, i) => (
          <span key={source.url}>
            {i > 0 ? ' · ' : null}
            <a href={source.url} target="_blank" rel="noreferrer">
              {source.label}
            </a>
          </span>
        ))}
        . Plans and compute sizes are read from your account; Supabase’s API has no invoice endpoint, so these are not
        billed amounts. Prices change: check supabase.com/pricing.
      </p>
    </div>
  );
}

function OrganizationCard({ org }: { org: SupabaseOrganizationCost }) {
  return (
    <section
      className="supabase-org"
      data-testid="supabase-org"
      data-org={org.slug}
      aria-label={`Supabase organization ${org.name}`}
    >
      <header className="supabase-org__head">
        <h3 className="supabase-org__name">{org.name}</h3>
        <span className={`plan-badge plan-badge--${org.plan ?? 'unknown'}`} data-testid="plan-badge">
          {planName(org.plan)}
        </span>
        <span className="supabase-org__estimate">
          <strong>{estimateLabel(org)}</strong>
          {org.monthlyEstimate !== undefined ? <span className="muted"> / month, estimate</span> : null}
        </span>
      </header>
      {org.problem ? <InlineWarning>{org.problem}</InlineWarning> : null}
      <div className="table-scroll">
        <table className="data-table supabase-table">
          <colgroup>
            <col style={{ width: '27%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '16%' }} />
            <col />
            <col style={{ width: '15%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Tenant group</th>
              <th scope="col">Region</th>
              <th scope="col">Compute</th>
              <th
                scope="col"
                className="align-end"
                title="Estimated monthly compute from the documented prices, before credits"
              >
                Est. / month
              </th>
            </tr>
          </thead>
          <tbody>
            {org.projects.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No projects in this organization.
                </td>
              </tr>
            ) : (
              org.projects.map((project) => <ProjectRow key={project.ref} project={project} />)
            )}
          </tbody>
          <tfoot>
            <SummaryRow label={`${planName(org.plan)} plan fee`} amount={org.planFee} missing="not documented" />
            <SummaryRow label="Compute" amount={org.computeEstimate} />
            {org.computeCredits ? (
              <SummaryRow
                label={`Compute credits (${formatUsd(org.computeCredits)} included)`}
                amount={-org.creditsApplied}
              />
            ) : null}
            <SummaryRow
              label="Estimate per month"
              amount={org.monthlyEstimate}
              missing="—"
              total
              partial={org.partial}
            />
          </tfoot>
        </table>
      </div>
      {org.notes.length > 0 ? (
        <ul className="supabase-org__notes">
          {org.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ProjectRow({ project }: { project: SupabaseProjectCost }) {
  return (
    <tr data-testid="supabase-project" data-ref={project.ref}>
      <th scope="row" className="supabase-table__name" title={project.ref}>
        {project.name}
      </th>
      <td>{project.group ?? <span className="muted">no matching group</span>}</td>
      <td className="supabase-table__region">{project.region ?? '—'}</td>
      <td>
        <span className="supabase-table__size">{project.computeSize ?? 'unknown'}</span>
        {project.computeNote ? <span className="supabase-table__note">{project.computeNote}</span> : null}
      </td>
      <td className="align-end money">
        {project.computeEstimate !== undefined ? (
          formatUsd(project.computeEstimate)
        ) : (
          <span className="muted">price not documented</span>
        )}
      </td>
    </tr>
  );
}

function SummaryRow(props: { label: string; amount?: number; missing?: string; total?: boolean; partial?: boolean }) {
  return (
    <tr className={props.total ? 'supabase-table__total' : undefined}>
      <th scope="row" colSpan={4}>
        {props.label}
      </th>
      <td className="align-end money">
        {props.amount === undefined ? (
          <span className="muted">{props.missing ?? '—'}</span>
        ) : (
          `${props.partial ? '≥ ' : ''}${props.amount < 0 ? `−${formatUsd(-props.amount)}` : formatUsd(props.amount)}`
        )}
      </td>
    </tr>
  );
}
