// The tenants matrix: one row per tenant joining its App Platform app, Supabase project, GitHub
// sources and domains, with the monthly total of both bills. Data, filter and sort live in the
// tenants store; this component wires them to the table and says what each provider could not.
import { functionalUpdate, useTable, type Updater } from '@tanstack/react-table';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { TenantsMatrix } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatClockTime } from '../../format';
import { useHealthStore } from '../../stores/healthStore';
import { hrefFor, useNavigationStore } from '../../stores/navigationStore';
import { useTenantsStore } from '../../stores/tenantsStore';
import { useUptimeStore } from '../../stores/uptimeStore';
import { tenantColumns, tenantFeatures } from './tenantColumns';
import { TenantsTable } from './TenantsTable';
import { groupsOf, providerProblem, visibleTenants, type TenantSorting } from './tenantModel';
import { UnmatchedProjects } from './UnmatchedProjects';
import { DatabaseTenants } from './DatabaseTenants';
import { UnfinishedOnboardings } from '../onboarding/UnfinishedOnboardings';
import { FleetViewToggle } from './FleetViewToggle';
import '../../components/pageHeader.css';
import '../../components/dataTable.css';
import './tenants.css';

export function ProviderBanners({ matrix }: { matrix: TenantsMatrix }) {
  const problems = [
    providerProblem('Supabase', matrix.providers.supabase),
    providerProblem('GitHub', matrix.providers.github),
  ].filter((p): p is string => Boolean(p));
  if (problems.length === 0) return null;
  return (
    <div className="provider-banners" data-testid="provider-banners">
      {problems.map((p) => (
        <InlineWarning key={p}>
          {p}{' '}
          <a href={hrefFor({ name: 'settings' })} className="provider-banners__link">
            Open Settings
          </a>
        </InlineWarning>
      ))}
    </div>
  );
}

export function TenantsView() {
  const matrix = useTenantsStore((s) => s.matrix);
  const loading = useTenantsStore((s) => s.loading);
  const error = useTenantsStore((s) => s.error);
  const filter = useTenantsStore((s) => s.filter);
  const group = useTenantsStore((s) => s.group);
  const sorting = useTenantsStore((s) => s.sorting);
  const health = useHealthStore((s) => s.byAppId);
  const { load, ensureLoaded, setFilter, setGroup, setSorting, clearFilters } = useTenantsStore.getState();
  const navigate = useNavigationStore((s) => s.navigate);

  useEffect(() => {
    void ensureLoaded();
    return useTenantsStore.getState().watchHealth();
  }, [ensureLoaded]);
  useEffect(() => useUptimeStore.getState().watch(), []);

  const rows = useMemo(
    () => (matrix ? visibleTenants(matrix.tenants, { filter, group, sorting, health }) : []),
    [matrix, filter, group, sorting, health],
  );
  const supabaseReach = matrix?.providers.supabase;
  const columns = useMemo(() => tenantColumns(supabaseReach ?? { state: 'connected' }), [supabaseReach]);
  const groups = useMemo(() => groupsOf(matrix), [matrix]);

  const table = useTable({
    features: tenantFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.appId,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: true,
    onSortingChange: (updater: Updater<TenantSorting>) =>
      setSorting(functionalUpdate(updater, useTenantsStore.getState().sorting)),
  });

  const open = (appId: string) => navigate({ name: 'tenant', appId });

  let body: ReactNode;
  if (!matrix && error && !loading) {
    body = (
      <ErrorState title="Couldn’t load the tenants" error={error} onRetry={() => void load()} retrying={loading} />
    );
  } else if (!matrix) {
    body = <LoadingState label="Loading tenants…" rows={6} columns={8} />;
  } else if (matrix.tenants.length === 0) {
    body = (
      <>
        <EmptyState title="No apps in this context">
          Every App Platform app is a tenant here, joined with its Supabase project and GitHub repo. Apps you create
          appear after a refresh.
        </EmptyState>
        {/* An account of droplets (Presence360's staging) still has tenants by their databases. */}
        <DatabaseTenants matrix={matrix} />
      </>
    );
  } else {
    body = (
      <>
        {error ? (
          <InlineWarning error={error}>Couldn’t refresh; showing the tenants as of the last read.</InlineWarning>
        ) : null}
        <ProviderBanners matrix={matrix} />
        <TenantsTable
          table={table}
          onOpen={open}
          empty={
            <EmptyState
              title="No tenants match"
              action={
                <button type="button" className="button" onClick={clearFilters}>
                  Clear filter
                </button>
              }
            >
              The filter matches tenant names, groups, regions, Supabase projects, repos and domains.
            </EmptyState>
          }
        />
        <DatabaseTenants matrix={matrix} />
        <UnmatchedProjects matrix={matrix} />
      </>
    );
  }

  const shown = matrix && rows.length !== matrix.tenants.length ? `${rows.length} of ${matrix.tenants.length}` : '';
  return (
    <main className="view view--tenants" aria-labelledby="tenants-title">
      <div className="overview-header tenants-header">
        <div className="overview-header__title">
          <h1 id="tenants-title">Tenants</h1>
          <FleetViewToggle current="tenants" />
          <span className="tenants-header__meta" data-testid="tenants-count">
            {matrix ? (
              <>
                {shown || `${matrix.tenants.length} tenants`}
                <span className="muted"> · read {formatClockTime(matrix.fetchedAt)}</span>
              </>
            ) : null}
          </span>
          <a className="tenants-header__drift" href={hrefFor({ name: 'schema' })} data-testid="schema-drift-link">
            Schema drift →
          </a>
        </div>
        <div className="overview-header__tools">
          <label className="filter">
            <span className="visually-hidden">Filter tenants</span>
            <input
              type="search"
              className="filter__input tenants-filter"
              placeholder="Filter tenants…"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="tenants-filter"
              spellCheck={false}
              autoComplete="off"
            />
          </label>
          <label className="tenants-group">
            <span className="visually-hidden">Group</span>
            <select
              className="input"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              data-testid="tenants-group"
            >
              <option value="">All groups</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button refresh"
            onClick={() => void load()}
            disabled={loading}
            data-testid="tenants-refresh"
          >
            {loading ? 'Refreshing' : 'Refresh'}
          </button>
          <a className="button button--primary" href={hrefFor({ name: 'onboard' })} data-testid="new-tenant-button">
            New tenant
          </a>
        </div>
      </div>
      <UnfinishedOnboardings />
      {body}
    </main>
  );
}
