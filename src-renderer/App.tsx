import { lazy, Suspense, useEffect } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Toasts } from './components/Toasts';
import { TopBar } from './components/TopBar';
import { UndoBar } from './components/UndoBar';
import { useClockStore } from './stores/clockStore';
import { useEnvironmentStore } from './stores/environmentStore';
import { useNavigationStore, type Route } from './stores/navigationStore';
import { useNoticesStore } from './stores/noticesStore';
import { useMenuCommandsStore } from './stores/menuCommandsStore';
import { useAccountsStore } from './stores/accountsStore';
import { OverviewView } from './views/overview/OverviewView';
import { LoadingState } from './components/LoadingState';
import { PaletteRoot } from './views/palette/PaletteRoot';

// The spec editor (CodeMirror) and DNS load when first opened: the fleet overview, the window
// people open Fleetdeck for, does not wait for an editor it may never show.
// Only the overview is in the first bundle: every other view (and the charting library the costs
// and detail views bring) loads when first opened, so a start paints the fleet sooner.
const DetailView = lazy(() => import('./views/detail/DetailView').then((m) => ({ default: m.DetailView })));
const LogsView = lazy(() => import('./views/logs/LogsView').then((m) => ({ default: m.LogsView })));
const ActivityView = lazy(() => import('./views/activity/ActivityView').then((m) => ({ default: m.ActivityView })));
const CostsView = lazy(() => import('./views/costs/CostsView').then((m) => ({ default: m.CostsView })));
const SettingsView = lazy(() => import('./views/settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const SpecEditorView = lazy(() => import('./views/specs/SpecEditorView').then((m) => ({ default: m.SpecEditorView })));
const SpecsView = lazy(() => import('./views/specs/SpecsView').then((m) => ({ default: m.SpecsView })));
const DnsView = lazy(() => import('./views/dns/DnsView').then((m) => ({ default: m.DnsView })));
const InfrastructureView = lazy(() =>
  import('./views/infrastructure/InfrastructureView').then((m) => ({ default: m.InfrastructureView })),
);
const TenantsView = lazy(() => import('./views/tenants/TenantsView').then((m) => ({ default: m.TenantsView })));
const TenantPage = lazy(() => import('./views/tenants/TenantPage').then((m) => ({ default: m.TenantPage })));
const NewTenantView = lazy(() =>
  import('./views/onboarding/NewTenantView').then((m) => ({ default: m.NewTenantView })),
);
const OnboardingRunView = lazy(() =>
  import('./views/onboarding/OnboardingRunView').then((m) => ({ default: m.OnboardingRunView })),
);
const SchemaDriftView = lazy(() =>
  import('./views/tenants/schema/SchemaDriftView').then((m) => ({ default: m.SchemaDriftView })),
);

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'app':
      return <DetailView appId={route.appId} />;
    case 'logs':
      return <LogsView />;
    case 'activity':
      return <ActivityView />;
    case 'costs':
      return <CostsView />;
    case 'settings':
      return <SettingsView />;
    case 'spec':
      return <SpecEditorView appId={route.appId} />;
    case 'specs':
      return <SpecsView />;
    case 'dns':
      return <DnsView />;
    case 'infrastructure':
      return <InfrastructureView />;
    case 'tenants':
      return <TenantsView />;
    case 'tenant':
      return <TenantPage appId={route.appId} />;
    case 'schema':
      return <SchemaDriftView />;
    case 'onboard':
      return <NewTenantView />;
    case 'onboarding':
      return <OnboardingRunView id={route.id} />;
    default:
      return <OverviewView />;
  }
}

export function App() {
  const route = useNavigationStore((s) => s.route);
  const startNavigation = useNavigationStore((s) => s.start);
  const startClock = useClockStore((s) => s.start);
  const loadEnvironment = useEnvironmentStore((s) => s.load);

  useEffect(() => startNavigation(), [startNavigation]);
  useEffect(() => startClock(), [startClock]);
  // Finished deployments are announced wherever the user is, so notices start with the app.
  const startNotices = useNoticesStore((s) => s.start);
  useEffect(() => startNotices(), [startNotices]);
  // The native menu's commands (Electron; the stream never fires in a browser).
  useEffect(() => useMenuCommandsStore.getState().start(), []);
  // The context switcher in the top bar needs the accounts on every view, not only in Settings.
  const startAccounts = useAccountsStore((s) => s.start);
  useEffect(() => startAccounts(), [startAccounts]);
  useEffect(() => {
    void loadEnvironment();
  }, [loadEnvironment]);

  // An app's detail starts at the top; the overview scrolls its highlighted row into view.
  const detailId = route.name === 'app' ? route.appId : undefined;
  useEffect(() => {
    if (detailId) window.scrollTo(0, 0);
  }, [detailId]);

  return (
    <div className="app">
      <TopBar />
      <ErrorBoundary key={'appId' in route ? `${route.name}:${route.appId}` : route.name}>
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <RouteView route={route} />
        </Suspense>
      </ErrorBoundary>
      <UndoBar />
      <Toasts />
      <PaletteRoot />
    </div>
  );
}
