// The audit log: every deploy, restart, scale, rollback and cancel Fleetdeck sent or refused, with
// who (which account context), what, on what, with which parameters, and how it ended.
import { useEffect, useRef } from 'react';
import type { ActionKind, ActivityEntry } from '../../../src-preload/contract';
import { ACTION_KINDS, actionLabel, formatParameters, resultTone, secondsBetween, shortId } from '../../actionFormat';
import { useRovingRows } from '../../components/useRovingRows';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration } from '../../format';
import { useActivityStore } from '../../stores/activityStore';
import { useFleetStore } from '../../stores/fleetStore';
import { hrefFor } from '../../stores/navigationStore';
import '../../components/pageHeader.css';
import '../../components/dataTable.css';
import './activity.css';

export function ActivityView() {
  const entries = useActivityStore((s) => s.entries);
  const loading = useActivityStore((s) => s.loading);
  const error = useActivityStore((s) => s.error);
  const filters = useActivityStore((s) => s.filters);
  const { load, setFilters } = useActivityStore.getState();
  const apps = useFleetStore((s) => s.snapshot?.apps);
  const ensureFleet = useFleetStore((s) => s.ensureLoaded);

  useEffect(() => {
    void load();
    // The app filter lists the fleet's apps by name.
    void ensureFleet();
  }, [load, ensureFleet]);

  const filtered = !!(filters.appId || filters.action);
  const appOptions = [...(apps ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  let body;
  if (!entries && error) {
    body = (
      <ErrorState title="Couldn’t load the activity log" error={error} onRetry={() => void load()} retrying={loading} />
    );
  } else if (!entries) {
    body = <LoadingState label="Loading activity…" rows={6} columns={8} />;
  } else if (entries.length === 0) {
    body = filtered ? (
      <EmptyState
        title="No actions match these filters"
        action={
          <button type="button" className="button" onClick={() => setFilters({})}>
            Clear filters
          </button>
        }
      />
    ) : (
      <EmptyState title="No actions yet">
        Every deploy, restart, scale, rollback and cancel you start is recorded here.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {error ? (
          <InlineWarning error={error}>Couldn’t refresh; showing the last successful read.</InlineWarning>
        ) : null}
        <ActivityTable entries={entries} />
      </>
    );
  }

  return (
    <main className="view view--activity" aria-labelledby="activity-title" aria-busy={loading}>
      <div className="overview-header">
        <div className="activity-header__title">
          <h1 id="activity-title">Activity</h1>
          <span className="muted">Every action Fleetdeck sent or refused, newest first.</span>
        </div>
        <div className="overview-header__tools">
          <label className="inline-field">
            <span className="inline-field__label">App</span>
            <select
              className="input"
              value={filters.appId ?? ''}
              onChange={(e) => setFilters({ ...filters, appId: e.target.value || undefined })}
              data-testid="activity-filter-app"
            >
              <option value="">All apps</option>
              {appOptions.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span className="inline-field__label">Action</span>
            <select
              className="input"
              value={filters.action ?? ''}
              onChange={(e) =>
                setFilters({ ...filters, action: (e.target.value || undefined) as ActionKind | undefined })
              }
              data-testid="activity-filter-action"
            >
              <option value="">All actions</option>
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {actionLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button refresh"
            onClick={() => void load()}
            disabled={loading}
            data-testid="activity-refresh"
          >
            <svg
              className={loading ? 'refresh__icon refresh__icon--spin' : 'refresh__icon'}
              viewBox="0 0 16 16"
              aria-hidden="true"
            >
              <path d="M13.6 2.4v3.8H9.8l1.5-1.5A4.5 4.5 0 1 0 12.4 9h1.5A6 6 0 1 1 12.4 3.6l1.2-1.2Z" />
            </svg>
            {loading ? 'Refreshing' : 'Refresh'}
          </button>
        </div>
      </div>
      {body}
    </main>
  );
}

function ActivityTable({ entries }: { entries: ActivityEntry[] }) {
  // One Tab stop; Enter on a row opens the app it acted on (its link).
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);
  return (
    <div className="table-scroll">
      <table
        className="data-table activity-table"
        data-testid="activity-table"
        aria-label="Activity: arrow keys move between entries, Enter opens the app"
        ref={rowsRef}
      >
        <colgroup>
          <col style={{ width: 130 }} />
          <col style={{ width: 140 }} />
          <col style={{ width: 230 }} />
          <col />
          <col style={{ width: 210 }} />
          <col style={{ width: 104 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 84 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Parameters</th>
            <th scope="col">Result</th>
            <th scope="col">Deployment</th>
            <th scope="col">Started</th>
            <th scope="col" className="align-end">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <ActivityRow key={e.id} entry={e} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActivityRow({ entry: e }: { entry: ActivityEntry }) {
  const params = formatParameters(e.parameters);
  const seconds = secondsBetween(e.startedAt, e.endedAt);
  return (
    <tr data-testid="activity-row" data-action={e.action} data-result={e.result} data-app-name={e.appName}>
      <td className="truncate" title={e.context}>
        {e.context}
      </td>
      <td>
        <span className="strong">{actionLabel(e.action)}</span>
      </td>
      <td>
        {e.appId && e.appName ? (
          <a className="app-link" href={hrefFor({ name: 'app', appId: e.appId })}>
            {e.appName}
          </a>
        ) : e.appName ? (
          // An action on a tenant before its app exists (an onboarding's first steps): named, not linked.
          <span className="strong">{e.appName}</span>
        ) : null}
        {e.target && e.target !== e.appName ? (
          <span className="sub truncate" title={e.target}>
            {e.target}
          </span>
        ) : null}
        {!e.appName && !e.target ? <span className="muted">—</span> : null}
      </td>
      <td>
        {params ? (
          <span className="params" title={params}>
            {params}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <Badge tone={resultTone(e.result)} title={e.message}>
          {e.result}
        </Badge>
        {e.message ? (
          <span
            className={`sub activity-message${e.result === 'failed' || e.result === 'refused' ? ' is-error' : ''}`}
            title={e.message}
          >
            {e.message}
          </span>
        ) : null}
      </td>
      <td>
        {e.deploymentId ? (
          <code className="commit selectable" title={e.deploymentId}>
            {shortId(e.deploymentId)}
          </code>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <RelativeTime iso={e.startedAt} />
      </td>
      <td className="align-end tabular">
        {seconds !== undefined ? (
          formatDuration(seconds)
        ) : e.result === 'started' ? (
          <span className="muted">running</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
