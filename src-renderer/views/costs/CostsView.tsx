// The Costs view: what the fleet costs per product group or tenant and component type (databases
// included, managed clusters shared among the apps that use them), what the account was
// invoiced over the year and where this month is heading, the tenants' Supabase plans (an
// estimate), every app's cost with DigitalOcean's own price beside it, a side-by-side comparison,
// and right-sizing advice.
import { useEffect } from 'react';
import type { AccountBilling, FleetCosts, SupabaseCosts } from '../../../src-preload/contract';
import { InlineWarning } from '../../components/ErrorState';
import { LoadedSection, type LoadedSectionProps } from '../../components/LoadedSection';
import { Money } from '../../components/Money';
import { useCostsStore } from '../../stores/costsStore';
import { ComparePanel } from './ComparePanel';
import { CostTable } from './CostTable';
import { FleetCostsSection } from './FleetCostsSection';
import { HistoryChart } from './HistoryChart';
import { MarginTable } from './MarginTable';
import { SizingPanel } from './SizingPanel';
import { SupabasePanel } from './SupabasePanel';
import { fleetWithSupabase } from './supabaseModel';
import '../../components/pageHeader.css';
import '../../components/dataTable.css';
import './costs.css';

export function CostsView() {
  const fleet = useCostsStore((s) => s.fleet);
  const billing = useCostsStore((s) => s.billing);
  const supabase = useCostsStore((s) => s.supabase);
  const compareIds = useCostsStore((s) => s.compareIds);
  const sizingAppId = useCostsStore((s) => s.sizingAppId);
  const sizing = useCostsStore((s) => (s.sizingAppId ? s.sizing[s.sizingAppId] : undefined));
  const revenue = useCostsStore((s) => s.revenue);
  const {
    load,
    loadBilling,
    loadSupabase,
    loadSizing,
    toggleCompare,
    clearCompare,
    exportCsv,
    loadRevenue,
    setRevenue,
  } = useCostsStore.getState();

  useEffect(() => {
    void load();
    loadRevenue();
  }, [load, loadRevenue]);

  const costs = fleet.value;
  const mismatches = costs?.apps.filter((a) => a.mismatch) ?? [];
  const compared = compareIds.map((id) => costs?.apps.find((a) => a.appId === id)).filter((a) => a !== undefined);

  return (
    <main className="view view--costs" aria-labelledby="costs-title" aria-busy={fleet.loading || billing.loading}>
      <div className="overview-header">
        <div className="overview-header__title costs-header__title">
          <h1 id="costs-title">Costs</h1>
          <Stats costs={costs} billing={billing.value} supabase={supabase.value} />
        </div>
        <div className="overview-header__tools">
          <button
            type="button"
            className="button refresh"
            onClick={() => void load()}
            disabled={fleet.loading || billing.loading}
          >
            {fleet.loading || billing.loading ? 'Refreshing' : 'Refresh'}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={exportCsv}
            disabled={!costs}
            data-testid="export-csv"
          >
            Export CSV
          </button>
        </div>
      </div>

      <FleetCostsSection />

      <section className="section cost-section" aria-labelledby="history-title">
        <h2 className="section__title" id="history-title">
          Invoices, last 12 months
          <span className="muted section__hint">
            this month: used so far and projected to month end at today’s run rate
          </span>
        </h2>
        <Loaded
          what="billing"
          state={billing}
          retry={loadBilling}
          isEmpty={(b) => b.invoices.length === 0 && b.monthToDateUsage === 0}
        >
          {(b) => <HistoryChart billing={b} />}
        </Loaded>
      </section>

      <section className="section cost-section" aria-labelledby="supabase-title">
        <h2 className="section__title" id="supabase-title">
          Supabase plans
          <span className="muted section__hint">
            estimate from the documented prices · plan and compute sizes read from your account
          </span>
        </h2>
        <SupabasePanel state={supabase} retry={loadSupabase} />
      </section>

      <section className="section" aria-labelledby="apps-title">
        <h2 className="section__title" id="apps-title">
          Cost per app
          {costs ? <span className="section__count">{costs.apps.length}</span> : null}
        </h2>
        {mismatches.length > 0 ? (
          <InlineWarning>
            DigitalOcean’s own price differs from the size list for {mismatches.map((m) => m.name).join(', ')} — hover ⚠
            for the figures.
          </InlineWarning>
        ) : null}
        {costs && costs.proposeFailures > 0 ? (
          <InlineWarning>Couldn’t cross-check {costs.proposeFailures} app(s) with DigitalOcean’s price.</InlineWarning>
        ) : null}
        {costs ? <CostTable costs={costs} compareIds={compareIds} onToggleCompare={toggleCompare} /> : null}
      </section>

      <section className="section" aria-labelledby="margin-title">
        <h2 className="section__title" id="margin-title">
          Margin per tenant group
          <span className="muted section__hint">revenue you type stays on this machine</span>
        </h2>
        {costs ? <MarginTable groups={costs.groups} revenue={revenue} onRevenue={setRevenue} /> : null}
      </section>

      <section className="section" aria-labelledby="compare-title">
        <h2 className="section__title" id="compare-title">
          Compare
          {compareIds.length > 0 ? <span className="section__count">{compareIds.length}</span> : null}
        </h2>
        {costs ? <ComparePanel apps={compared} onClear={clearCompare} /> : null}
      </section>

      <section className="section" aria-labelledby="sizing-title">
        <h2 className="section__title" id="sizing-title">
          Right-sizing
          <span className="muted section__hint">
            last 7 days · CPU &lt; 30% and memory &lt; 50% → down; CPU &gt; 80%, memory &gt; 90% or restarting → up
          </span>
        </h2>
        {costs ? (
          <SizingPanel
            apps={costs.apps}
            {...(sizingAppId ? { appId: sizingAppId } : {})}
            {...(sizing?.value ? { report: sizing.value } : {})}
            loading={sizing?.loading ?? false}
            {...(sizing?.error ? { error: sizing.error } : {})}
            onPick={(id) => void loadSizing(id)}
          />
        ) : null}
      </section>
    </main>
  );
}

function Stats({
  costs,
  billing,
  supabase,
}: {
  costs?: FleetCosts;
  billing?: AccountBilling;
  supabase?: SupabaseCosts;
}) {
  const placeholder = <span className="stat__placeholder">—</span>;
  const withSupabase = fleetWithSupabase(costs?.monthlyCost, supabase);
  return (
    <dl className="stats" data-testid="cost-stats">
      <div
        className="stat stat--cost"
        title={
          costs?.estimated
            ? 'Includes managed database clusters at DigitalOcean’s published prices (an estimate)'
            : undefined
        }
      >
        <dt>Fleet per month</dt>
        <dd data-testid="fleet-per-month">
          {costs ? <Money cost={costs.monthlyCost} suffix={costs.estimated ? ' *' : undefined} /> : placeholder}
        </dd>
      </div>
      {withSupabase ? (
        <div
          className="stat stat--cost"
          title="DigitalOcean from the size list, plus the Supabase estimate from the documented prices"
        >
          <dt>Fleet incl. Supabase est.</dt>
          <dd data-testid="fleet-total-with-supabase">
            <Money cost={withSupabase} />
          </dd>
        </div>
      ) : null}
      <div className="stat">
        <dt>Month to date</dt>
        <dd>{billing ? <Money amount={billing.monthToDateUsage} /> : placeholder}</dd>
      </div>
      <div className="stat">
        <dt>Projected month end</dt>
        <dd data-testid="projection">{billing ? <Money amount={billing.projectedMonthEnd} /> : placeholder}</dd>
        {/* A projection is only as good as its method: say which one this figure used. */}
        {billing?.projectionBasis ? (
          <dd className="stat__basis" data-testid="projection-basis">
            {billing.projectionBasis}
          </dd>
        ) : null}
      </div>
      <div className="stat">
        <dt>Balance due</dt>
        <dd>{billing ? <Money amount={billing.monthToDateBalance} /> : placeholder}</dd>
      </div>
    </dl>
  );
}

/** A costs section: loads on its own and draws its content on a chart card. */
function Loaded<T>({ children, ...props }: LoadedSectionProps<T> & { isEmpty: (value: T) => boolean }) {
  return <LoadedSection {...props}>{(value) => <div className="chart-card">{children(value)}</div>}</LoadedSection>;
}
