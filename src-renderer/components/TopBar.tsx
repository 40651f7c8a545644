import { hrefFor } from '../stores/navigationStore';
import { useEnvironmentStore } from '../stores/environmentStore';

export function TopBar() {
  const environment = useEnvironmentStore((s) => s.environment);
  const demo = environment?.mode === 'demo';
  return (
    <header className="topbar">
      <a className="wordmark" href={hrefFor({ name: 'overview' })} aria-label="Fleetdeck — fleet overview">
        <span className="wordmark__mark" aria-hidden="true" />
        Fleetdeck
      </a>
      {environment ? (
        <span className="topbar__context" title={environment.mode === 'live' ? 'Connected account' : undefined}>
          <span className="topbar__sep" aria-hidden="true">/</span>
          {environment.contextName}
        </span>
      ) : null}
      {demo ? (
        <span className="demo-badge" data-testid="demo-badge" role="note">
          <strong>Demo fleet</strong> — sandbox cloud, no real account connected
        </span>
      ) : null}
      <span className="topbar__spacer" />
      {environment ? <span className="topbar__version">v{environment.appVersion}</span> : null}
    </header>
  );
}
