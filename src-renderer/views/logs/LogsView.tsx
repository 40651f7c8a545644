// Live logs: components picked across tenants merged into one time-ordered tail, or the build /
// deploy log of one deployment (#/logs?app=…&deployment=…&type=BUILD). Leaving the view ends
// every subscription, which closes the sockets in the main process.
import { useEffect, useMemo, useRef } from 'react';
import type { LogType } from '../../../src-preload/contract';
import { useFleetStore } from '../../stores/fleetStore';
import { hrefFor, useNavigationStore } from '../../stores/navigationStore';
import { logModel, useLogsStore, type DeploymentLogsTarget } from '../../stores/logsStore';
import { colourOf, sourceOptions } from '../../stores/logs/logSources';
import { LogList } from './LogList';
import { LogToolbar } from './LogToolbar';
import { SourcePicker, SourceState } from './SourcePicker';
import './logs.css';

const RUN_TYPES: Array<{ type: LogType; label: string }> = [
  { type: 'RUN', label: 'Running' },
  { type: 'RUN_RESTARTED', label: 'Before last restart' },
  { type: 'BUILD', label: 'Build (active deployment)' },
  { type: 'DEPLOY', label: 'Deploy (active deployment)' },
];

function useRouteQuery(): URLSearchParams {
  const query = useNavigationStore((s) => (s.route.name === 'logs' ? (s.route.query ?? '') : ''));
  return useMemo(() => new URLSearchParams(query), [query]);
}

export function LogsView() {
  const params = useRouteQuery();
  const snapshot = useFleetStore((s) => s.snapshot);
  const options = useMemo(() => sourceOptions(snapshot), [snapshot]);
  const deployment = useLogsStore((s) => s.deployment);
  // A link's query is applied once: a later fleet refresh must not undo the reader's own picks.
  const applied = useRef<URLSearchParams | undefined>(undefined);

  useEffect(() => {
    void useFleetStore.getState().ensureLoaded();
    const logs = useLogsStore.getState();
    logs.start();
    return () => logs.stop();
  }, []);

  useEffect(() => {
    if (!snapshot || applied.current === params) return;
    applied.current = params;
    const logs = useLogsStore.getState();
    const appId = params.get('app');
    const deploymentId = params.get('deployment');
    if (appId && deploymentId) {
      const appName = snapshot.apps.find((a) => a.id === appId)?.name ?? appId;
      logs.openDeployment({ appId, appName, deploymentId, type: params.get('type') === 'DEPLOY' ? 'DEPLOY' : 'BUILD' });
      return;
    }
    logs.closeDeployment();
    const type = params.get('type');
    if (type && RUN_TYPES.some((t) => t.type === type)) logs.setType(type as LogType);
    const keys = params.get('sources')?.split(',').filter(Boolean);
    if (keys?.length) logs.setSelection(options.filter((o) => keys.includes(o.key)));
  }, [params, snapshot, options]);

  return (
    <main className={`logs-view${deployment ? ' logs-view--deployment' : ''}`} data-testid="logs-view">
      {deployment ? null : <SourcePicker options={options} />}
      <section className="logs-main" aria-label="Log lines">
        {deployment ? <DeploymentHeader target={deployment} /> : <SourcesHeader />}
        <LogToolbar />
        <SourceLegend />
        <LogList />
        <StatusBar />
      </section>
    </main>
  );
}

function SourcesHeader() {
  const type = useLogsStore((s) => s.type);
  const setType = useLogsStore((s) => s.setType);
  const selected = useLogsStore((s) => s.selected.length);
  return (
    <header className="logs-header">
      <h1>Logs</h1>
      <label className="logs-toolbar__label">
        Kind
        <select
          className="logs-select"
          value={type}
          onChange={(e) => setType(e.target.value as LogType)}
          data-testid="log-type"
        >
          {RUN_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {selected === 0 ? (
        <span className="muted">Pick components on the left, or a quick pick, to follow their logs.</span>
      ) : null}
    </header>
  );
}

function DeploymentHeader({ target }: { target: DeploymentLogsTarget }) {
  const status = useLogsStore((s) => Object.values(s.subs)[0]);
  const other = target.type === 'BUILD' ? 'DEPLOY' : 'BUILD';
  const href = (type: string) =>
    hrefFor({
      name: 'logs',
      query: `app=${encodeURIComponent(target.appId)}&deployment=${encodeURIComponent(target.deploymentId)}&type=${type}`,
    });
  return (
    <header className="logs-header" data-testid="deployment-logs-header">
      <a href={hrefFor({ name: 'app', appId: target.appId })} className="back-link">
        <span aria-hidden="true">←</span> {target.appName}
      </a>
      <h1>{target.type === 'BUILD' ? 'Build log' : 'Deploy log'}</h1>
      <code className="commit selectable" title="Deployment">
        {target.deploymentId.slice(0, 8)}
      </code>
      <SourceState status={status} />
      <span className="muted">
        {status?.state === 'live' ? 'following while it runs' : status?.state === 'ended' ? 'archived log' : ''}
      </span>
      <a className="button" href={href(other)} data-testid="switch-log-type">
        {other === 'BUILD' ? 'Build log' : 'Deploy log'}
      </a>
    </header>
  );
}

/** Every source seen, coloured as its lines are; a click hides or shows its lines. */
function SourceLegend() {
  useLogsStore((s) => s.version);
  const hidden = useLogsStore((s) => s.filter.hiddenSources);
  const setFilter = useLogsStore((s) => s.setFilter);
  const sources = [...logModel.lastTs.keys()].sort();
  if (sources.length === 0) return null;
  const toggle = (source: string) =>
    setFilter({ hiddenSources: hidden.includes(source) ? hidden.filter((h) => h !== source) : [...hidden, source] });
  return (
    <div className="source-legend" role="group" aria-label="Show or hide sources">
      {sources.map((source) => (
        <button
          key={source}
          type="button"
          className={`source-chip src-c${colourOf(source)}${hidden.includes(source) ? ' source-chip--off' : ''}`}
          aria-pressed={!hidden.includes(source)}
          onClick={() => toggle(source)}
          data-testid="source-chip"
          data-source={source}
        >
          {source}
        </button>
      ))}
    </div>
  );
}

function StatusBar() {
  const received = useLogsStore((s) => s.received);
  const size = useLogsStore((s) => s.size);
  const capacity = useLogsStore((s) => s.capacity);
  const subs = useLogsStore((s) => s.subs);
  useLogsStore((s) => s.version);
  const shown = logModel.rows().length;
  const troubled = Object.values(subs).filter((s) => s.state === 'reconnecting' || s.state === 'failed');
  const states = Object.values(subs).reduce<Record<string, number>>(
    (acc, s) => ({ ...acc, [s.state]: (acc[s.state] ?? 0) + 1 }),
    {},
  );
  const summary = Object.entries(states)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <footer className="logs-status" data-testid="logs-status">
      <span data-testid="received-count" data-count={received}>
        {n(received)} lines received
      </span>
      <span className="sep">·</span>
      <span data-testid="buffer-count" data-count={size}>
        {n(size)} of {n(capacity)} in the buffer
      </span>
      <span className="sep">·</span>
      <span data-testid="shown-count">{n(shown)} shown</span>
      {summary ? (
        <>
          <span className="sep">·</span>
          <span data-testid="streams-summary">streams: {summary}</span>
        </>
      ) : null}
      {troubled.map((s) => (
        <span
          key={s.label}
          className={`logs-status__problem logs-status__problem--${s.state}`}
          role="status"
          data-testid="stream-problem"
        >
          {s.label}: {s.message ?? s.state}
        </span>
      ))}
    </footer>
  );
}
