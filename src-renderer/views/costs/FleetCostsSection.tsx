// The Costs page's main chart and what sits around it: the switch between product groups and
// tenants (remembered in the costs store), and what the totals hold that is not the API's own
// figure — managed databases priced from DigitalOcean's published list, or missing because they
// could not be read.
import type { FleetCosts } from '../../../src-preload/contract';
import { InfrastructureCostNote } from '../infrastructure/InfrastructureCostNote';
import { InlineWarning } from '../../components/ErrorState';
import { LoadedSection } from '../../components/LoadedSection';
import { formatUsd } from '../../format';
import { useCostsStore } from '../../stores/costsStore';
import { useFleetStore } from '../../stores/fleetStore';
import { useNavigationStore } from '../../stores/navigationStore';
import { clustersWithInfrastructure, sharedSupabaseProjects, tenantSharesByCluster, type ChartBy } from './costModel';
import { FleetCostsChart } from './FleetCostsChart';

const openGroup = (group: string) => {
  useFleetStore.getState().setFilter(group);
  useNavigationStore.getState().openOverview();
};
const openApp = (appId: string) => useNavigationStore.getState().openApp(appId);

export function FleetCostsSection() {
  const fleet = useCostsStore((s) => s.fleet);
  const chartBy = useCostsStore((s) => s.chartBy);
  const { setChartBy, loadFleet } = useCostsStore.getState();
  const tenants = chartBy === 'tenant';
  return (
    <section className="section cost-section" aria-labelledby="groups-title" data-testid="fleet-costs-section">
      <div className="cost-section__head">
        <h2 className="section__title" id="groups-title">
          {tenants ? 'Monthly cost by tenant' : 'Monthly cost by product group'}
          <span className="muted section__hint">
            size list × instances, databases included
            {fleet.value?.supabase ? ', plus each tenant’s Supabase share' : ''} ·{' '}
            {tenants ? 'click a bar to open the app' : 'click a bar to open the group’s apps'}
          </span>
        </h2>
        <ChartBySwitch value={chartBy} onChange={setChartBy} />
      </div>
      <LoadedSection what="fleet costs" state={fleet} retry={loadFleet} isEmpty={(c) => c.apps.length === 0}>
        {(costs) => (
          <>
            <CostNotes costs={costs} />
            <div className="chart-card">
              <FleetCostsChart costs={costs} by={chartBy} onOpenGroup={openGroup} onOpenApp={openApp} />
            </div>
          </>
        )}
      </LoadedSection>
    </section>
  );
}

const CHOICES: ReadonlyArray<{ value: ChartBy; label: string }> = [
  { value: 'group', label: 'By product group' },
  { value: 'tenant', label: 'By tenant' },
];

export function ChartBySwitch({ value, onChange }: { value: ChartBy; onChange: (by: ChartBy) => void }) {
  return (
    <span className="segmented" role="group" aria-label="Show the cost" data-testid="chart-by">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className="segmented__button"
          aria-pressed={choice.value === value}
          onClick={() => onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </span>
  );
}

function CostNotes({ costs }: { costs: FleetCosts }) {
  const priced = costs.databases.filter((d) => d.monthlyPrice !== undefined);
  const unpriced = costs.databases.filter((d) => d.monthlyPrice === undefined);
  const carried = clustersWithInfrastructure(costs);
  const tenantShares = tenantSharesByCluster(costs);
  return (
    <>
      <SupabaseNote costs={costs} />
      <InfrastructureCostNote costs={costs} />
      {costs.databasesProblem ? (
        <InlineWarning>
          <span data-testid="databases-problem">{costs.databasesProblem}</span>
        </InlineWarning>
      ) : null}
      {unpriced.length > 0 ? (
        <InlineWarning>
          No published price for {unpriced.map((d) => `${d.name} (${d.engine}, ${d.size})`).join(', ')}: left out of the
          totals.
        </InlineWarning>
      ) : null}
      {priced.length > 0 ? (
        <p className="cost-databases muted" data-testid="cost-databases">
          Managed databases:{' '}
          {priced.map((d, i) => (
            <span key={d.name}>
              {i > 0 ? '; ' : null}
              <strong className="cost-databases__name">{d.name}</strong> {formatUsd(d.monthlyPrice ?? 0)}/mo
              {tenantShares.has(d.name)
                ? `, a share for each of ${tenantShares.get(d.name)!.length} tenants’ databases in their own rows${d.appIds.length > 0 ? `, the rest across ${d.appIds.length} app${d.appIds.length === 1 ? '' : 's'}` : ''}`
                : d.appIds.length > 1
                  ? `, split across ${d.appIds.length} apps`
                  : ''}
              {d.appIds.length === 0 && !carried.has(d.name)
                ? ', used by no app (counted once in the fleet total)'
                : ''}
              {carried.has(d.name) && !tenantShares.has(d.name) ? ', with its product’s infrastructure' : ''}
            </span>
          ))}
          {' · '}
          estimate from{' '}
          {costs.priceSources.slice(0, 1).map((source) => (
            <a key={source.url} href={source.url} target="_blank" rel="noreferrer">
              {source.label}
            </a>
          ))}
        </p>
      ) : null}
    </>
  );
}

/**
 * What the Supabase part of each bar is: the tenants matrix's figure (the project's compute at the
 * documented prices, split evenly where tenants share a project), not the organization's bill.
 */
function SupabaseNote({ costs }: { costs: FleetCosts }) {
  if (!costs.supabase) return null;
  if (costs.supabase.problem) {
    return (
      <InlineWarning>
        <span data-testid="supabase-share-problem">{costs.supabase.problem} The bars show DigitalOcean only.</span>
      </InlineWarning>
    );
  }
  if (costs.supabase.monthly <= 0) return null;
  const shared = sharedSupabaseProjects(costs);
  return (
    <p className="cost-databases muted" data-testid="cost-supabase">
      Supabase: {formatUsd(costs.supabase.monthly)}/mo across the tenants, each project’s compute at the{' '}
      <a href={costs.supabase.source.url} target="_blank" rel="noreferrer">
        documented prices
      </a>{' '}
      before the plan fee and credits (the organizations’ estimate is under Supabase plans)
      {shared.map((p) => (
        <span key={p.project} data-testid="supabase-shared">
          {'; '}
          <strong className="cost-databases__name">{p.project}</strong>
          {p.monthly ? ` ${formatUsd(p.monthly)}/mo` : p.monthly === 0 ? ' (no compute charge)' : ''} shared with{' '}
          {p.tenants.join(', ')}, split evenly
        </span>
      ))}
      .
    </p>
  );
}
