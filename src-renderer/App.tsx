import { useEffect } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { TopBar } from './components/TopBar';
import { useClockStore } from './stores/clockStore';
import { useEnvironmentStore } from './stores/environmentStore';
import { useNavigationStore } from './stores/navigationStore';
import { DetailView } from './views/detail/DetailView';
import { OverviewView } from './views/overview/OverviewView';

export function App() {
  const route = useNavigationStore((s) => s.route);
  const startNavigation = useNavigationStore((s) => s.start);
  const startClock = useClockStore((s) => s.start);
  const loadEnvironment = useEnvironmentStore((s) => s.load);

  useEffect(() => startNavigation(), [startNavigation]);
  useEffect(() => startClock(), [startClock]);
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
      <ErrorBoundary key={route.name === 'app' ? route.appId : 'overview'}>
        {route.name === 'app' ? <DetailView appId={route.appId} /> : <OverviewView />}
      </ErrorBoundary>
    </div>
  );
}
