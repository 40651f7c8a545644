// One app: header facts, pinned banner, components with health, domains and deployment history.
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useAppAlertsStore } from '../../stores/appAlertsStore';
import { EMPTY_DETAIL_ENTRY, useAppDetailStore } from '../../stores/appDetailStore';
import { useFleetStore } from '../../stores/fleetStore';
import { hrefFor } from '../../stores/navigationStore';
import { useRollbackStore } from '../../stores/rollbackStore';
import { useScaleStore } from '../../stores/scaleStore';
import { AppActions } from '../actions/AppActions';
import { DeploymentProgressPanel } from '../actions/DeploymentProgressPanel';
import { PinnedBanner } from '../actions/PinnedBanner';
import { RollbackDialog } from '../actions/RollbackDialog';
import { ScaleDialog } from '../actions/ScaleDialog';
import { useActionGate } from '../actions/useActionGate';
import { AlertsMark } from './AlertsMark';
import { AlertsSection } from './AlertsSection';
import { ComponentsTable } from './ComponentsTable';
import { DeploymentsTable } from './DeploymentsTable';
import { DetailHeader } from './DetailHeader';
import { DomainsList } from './DomainsList';
import { UsageCharts } from '../costs/UsageCharts';
import '../../components/dataTable.css';
import './detail.css';

export function DetailView({ appId }: { appId: string }) {
  const entry = useAppDetailStore((s) => s.byId[appId] ?? EMPTY_DETAIL_ENTRY);
  const load = useAppDetailStore((s) => s.load);
  // While the detail loads, the overview's row (if any) already knows the name.
  const fleetApp = useFleetStore((s) => s.snapshot?.apps.find((a) => a.id === appId));

  const loadAlerts = useAppAlertsStore((s) => s.load);
  useEffect(() => {
    void load(appId);
    void loadAlerts(appId);
  }, [appId, load, loadAlerts]);

  const { detail, loading, error } = entry;
  const app = detail?.app ?? fleetApp;
  // Actions need the full read (components, deployments), so they wait for the detail.
  const gate = useActionGate(detail?.app);
  const openScale = useScaleStore((s) => s.open);
  const openRollback = useRollbackStore((s) => s.open);
  const retry = () => {
    void load(appId);
    void loadAlerts(appId);
  };

  return (
    <main className="view view--detail" data-testid="app-detail" data-app-id={appId} aria-busy={loading}>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'overview' })} className="back-link" data-testid="back-link">
          <span aria-hidden="true">←</span> Fleet
        </a>
        {app ? (
          <>
            <span className="breadcrumb__sep" aria-hidden="true">
              /
            </span>
            <span className="breadcrumb__group">{app.group}</span>
            <span className="breadcrumb__sep" aria-hidden="true">
              /
            </span>
            <span aria-current="page">{app.name}</span>
          </>
        ) : null}
      </nav>

      {app ? (
        <DetailHeader
          app={app}
          defaultIngress={detail?.defaultIngress}
          createdAt={detail?.createdAt}
          loading={loading}
          onRefresh={detail ? retry : undefined}
          actions={detail ? <AppActions app={detail.app} components={detail.components} /> : undefined}
        />
      ) : null}

      {detail ? (
        <>
          <AlertsMark appId={appId} />
          <PinnedBanner app={detail.app} />
          <DeploymentProgressPanel app={detail.app} />
          <ScaleDialog />
          <RollbackDialog />
        </>
      ) : null}

      {!detail && error ? (
        <ErrorState title="Couldn’t load this app" error={error} onRetry={retry} retrying={loading} />
      ) : !detail ? (
        <LoadingState label="Loading app…" rows={5} columns={7} />
      ) : (
        <>
          {error ? (
            <InlineWarning error={error}>Couldn’t refresh; showing the last successful read.</InlineWarning>
          ) : null}
          {detail.healthError ? (
            <InlineWarning error={detail.healthError}>Health is unavailable right now.</InlineWarning>
          ) : null}

          <section className="section" aria-labelledby="components-title">
            <h2 id="components-title" className="section__title">
              Components <span className="section__count">{detail.components.length}</span>
            </h2>
            {detail.components.length > 0 ? (
              <ComponentsTable
                components={detail.components}
                healthKnown={!!detail.health}
                onScale={(component) => openScale(detail.app, component)}
                scaleBlocked={gate.reason('scale')}
              />
            ) : (
              <EmptyState title="No components">This app’s spec declares no components.</EmptyState>
            )}
          </section>

          <UsageCharts
            appId={appId}
            createdAt={detail.createdAt}
            components={detail.components.filter((c) => c.kind === 'service' || c.kind === 'worker').map((c) => c.name)}
          />

          <section className="section" aria-labelledby="domains-title">
            <h2 id="domains-title" className="section__title">
              Domains <span className="section__count">{detail.domains.length}</span>
            </h2>
            <DomainsList domains={detail.domains} />
          </section>

          <AlertsSection appId={appId} />

          <section className="section" aria-labelledby="deployments-title">
            <h2 id="deployments-title" className="section__title">
              Deployments <span className="section__count">{detail.deployments.length}</span>
            </h2>
            {detail.deployments.length > 0 ? (
              <DeploymentsTable
                deployments={detail.deployments}
                activeId={detail.app.activeDeployment?.id}
                pinnedId={detail.app.pinnedDeploymentId}
                onRollback={(deployment) => void openRollback(detail.app, deployment)}
                rollbackBlocked={gate.reason('rollback')}
              />
            ) : (
              <EmptyState title="No deployments yet">This app has not been deployed.</EmptyState>
            )}
          </section>
        </>
      )}
    </main>
  );
}
