import { useEnvironmentStore } from '../stores/environmentStore';
import { hrefFor, useNavigationStore, type Route } from '../stores/navigationStore';
import { ContextSwitcher } from '../views/settings/ContextSwitcher';
import './topBar.css';

const SECTIONS: Array<{ label: string; route: Route; matches: Route['name'][] }> = [
  { label: 'Fleet', route: { name: 'overview' }, matches: ['overview', 'app'] },
  { label: 'Tenants', route: { name: 'tenants' }, matches: ['tenants', 'tenant', 'schema'] },
  { label: 'Specs', route: { name: 'specs' }, matches: ['specs', 'spec'] },
  { label: 'DNS', route: { name: 'dns' }, matches: ['dns'] },
  { label: 'Infrastructure', route: { name: 'infrastructure' }, matches: ['infrastructure'] },
  { label: 'Logs', route: { name: 'logs' }, matches: ['logs'] },
  { label: 'Activity', route: { name: 'activity' }, matches: ['activity'] },
  { label: 'Costs', route: { name: 'costs' }, matches: ['costs'] },
];

export function TopBar() {
  const environment = useEnvironmentStore((s) => s.environment);
  const demo = environment?.mode === 'demo';
  const current = useNavigationStore((s) => s.route.name);
  return (
    <header className="topbar">
      <a className="wordmark" href={hrefFor({ name: 'overview' })} aria-label="Fleetdeck — fleet overview">
        <span className="wordmark__mark" aria-hidden="true" />
        Fleetdeck
      </a>
      {environment ? (
        <span className="topbar__context">
          <ContextSwitcher />
        </span>
      ) : null}
      {demo ? (
        <span
          className="demo-badge"
          data-testid="demo-badge"
          role="note"
          title={`${environment.contextName} — sandbox cloud, no real account connected`}
        >
          <strong>{environment.contextName}</strong>
          <span className="demo-badge__detail"> — sandbox cloud, no real account connected</span>
        </span>
      ) : null}
      <nav className="topbar__nav" aria-label="Sections">
        {SECTIONS.map((section) => (
          <a
            key={section.label}
            href={hrefFor(section.route)}
            className="topbar__link"
            aria-current={section.matches.includes(current) ? 'page' : undefined}
          >
            {section.label}
          </a>
        ))}
      </nav>
      <span className="topbar__spacer" />
      <a
        href={hrefFor({ name: 'settings' })}
        className="topbar__link topbar__settings"
        aria-current={current === 'settings' ? 'page' : undefined}
      >
        Settings
      </a>
      {environment ? <span className="topbar__version">v{environment.appVersion}</span> : null}
    </header>
  );
}
