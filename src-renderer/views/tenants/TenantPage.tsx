// One tenant: its App Platform app beside its Supabase project and its GitHub sources, with the
// combined monthly cost. The page reads through the tenant page store and stops following a
// changing project's status when it closes.
import { useEffect } from 'react';
import { Breadcrumb } from '../../components/Breadcrumb';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatCost, formatUsd } from '../../format';
import { EMPTY_DETAIL_ENTRY, useAppDetailStore } from '../../stores/appDetailStore';
import { hrefFor, type Route } from '../../stores/navigationStore';
import { useTenantPageStore } from '../../stores/tenantPageStore';
import { AppPanel, SourcePanel } from './AppAndSourcePanels';
import { SupabaseProjectPanel } from './SupabaseProjectPanel';
import { OffboardButton } from '../onboarding/OffboardingDialog';
import { UptimeSection } from './UptimeSection';
import '../../components/dataTable.css';
import '../detail/detailHeader.css';
import './tenants.css';
import './tenantPage.css';

export function TenantPage({ appId }: { appId: string }) {
  const current = useTenantPageStore((s) => s.appId);
  const detail = useTenantPageStore((s) => (s.appId === appId ? s.detail : undefined));
  const loading = useTenantPageStore((s) => s.loading);
  const error = useTenantPageStore((s) => s.error);
  const components = useAppDetailStore((s) => (s.byId[appId] ?? EMPTY_DETAIL_ENTRY).detail?.components);

  useEffect(() => {
    void useTenantPageStore.getState().open(appId);
    return () => useTenantPageStore.getState().leave();
  }, [appId]);

  const logs: Route = components?.length
    ? {
        name: 'logs',
        query: `sources=${components.map((c) => encodeURIComponent(`${appId}:${c.name}`)).join(',')}`,
      }
    : { name: 'logs' };

  const breadcrumb = (
    <Breadcrumb back={{ href: hrefFor({ name: 'tenants' }), label: 'Tenants' }} current={detail?.row.name ?? appId} />
  );

  if (!detail || current !== appId) {
    return (
      <main className="view view--tenant">
        {breadcrumb}
        {error && !loading ? (
          <ErrorState
            title="Couldn’t load the tenant"
            error={error}
            onRetry={() => void useTenantPageStore.getState().load()}
          />
        ) : (
          <LoadingState label="Loading tenant…" rows={6} columns={3} />
        )}
      </main>
    );
  }

  const { row } = detail;
  return (
    <main className="view view--tenant" aria-labelledby="tenant-title" data-testid="tenant-page">
      {breadcrumb}
      <header className="detail-header tenant-header">
        <div>
          <div className="detail-header__eyebrow">
            <span className="group-chip">{row.group}</span>
            <span className="region">{row.region}</span>
          </div>
          <h1 className="detail-header__title" id="tenant-title">
            {row.name}
          </h1>
          <div className="tenant-header__links">
            <a href={hrefFor({ name: 'app', appId })} data-testid="tenant-app-link">
              App Platform detail
            </a>
            <a href={hrefFor(logs)}>Logs</a>
            <OffboardButton appId={appId} />
          </div>
        </div>
        <dl className="facts tenant-cost-facts">
          <div className="fact">
            <dt>Monthly cost</dt>
            <dd className="tenant-cost-total" data-testid="tenant-total-cost">
              {formatCost(row.cost.total)}
              <span className="muted">/mo</span>
            </dd>
          </div>
          <div className="fact">
            <dt>DigitalOcean</dt>
            <dd>{formatCost(row.cost.digitalocean)}</dd>
          </div>
          <div className="fact">
            <dt>Supabase compute</dt>
            <dd title="The project's compute estimate; the organization's plan fee is shared by its projects">
              {row.cost.supabase !== undefined ? formatUsd(row.cost.supabase) : <span className="muted">—</span>}
            </dd>
          </div>
        </dl>
      </header>
      {error ? <InlineWarning error={error}>Couldn’t refresh; showing the last read.</InlineWarning> : null}
      <div className="tenant-panels">
        <AppPanel row={row} />
        <SupabaseProjectPanel detail={detail} />
        <SourcePanel row={row} />
      </div>
      <UptimeSection appId={appId} />
    </main>
  );
}
